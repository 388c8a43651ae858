package dev.lofi.ingest.synth;

/** One object's pose in every frame of a video, scene units, as parallel arrays indexed by frame. */
record ObjectTrack(double[] x, double[] y, double[] scale, double[] angle) {

  ObjectTrack(int frames) {
    this(new double[frames], new double[frames], new double[frames], new double[frames]);
  }

  Pose pose(int frame) {
    return new Pose(x[frame], y[frame], scale[frame], angle[frame]);
  }

  void set(int frame, Pose pose) {
    x[frame] = pose.x();
    y[frame] = pose.y();
    scale[frame] = pose.scale();
    angle[frame] = pose.angle();
  }
}
