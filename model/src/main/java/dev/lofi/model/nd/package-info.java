/** NDArray helpers shared by the losses and the heads; see {@link dev.lofi.model.nd.Scalars} for the autograd trap they avoid. */
package dev.lofi.model.nd;
