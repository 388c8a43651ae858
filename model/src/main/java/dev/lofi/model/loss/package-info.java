/**
 * Losses as pure functions on DJL arrays, shape-commented: the sigmoid focal loss for dense
 * classification and the 1D centre-DIoU loss for boundary regression. They never take
 * {@code Number} operands in arithmetic autograd records (see {@link dev.lofi.model.nd.Scalars}).
 */
package dev.lofi.model.loss;
