package dev.lofi.ingest.synth;

/** The silhouettes objects are drawn with; every class of action uses all of them alike. */
enum Outline {

  ELLIPSE {
    @Override
    double inset(double u, double v, double a, double b) {
      // Scaled radial distance, in pixels of the short axis: exact on that axis, close elsewhere.
      return (1 - Math.sqrt(u * u / (a * a) + v * v / (b * b))) * b;
    }
  },

  BOX {
    @Override
    double inset(double u, double v, double a, double b) {
      return Math.min(a - Math.abs(u), b - Math.abs(v));
    }
  },

  DIAMOND {
    @Override
    double inset(double u, double v, double a, double b) {
      return (1 - Math.abs(u) / a - Math.abs(v) / b) * a * b / Math.sqrt(a * a + b * b);
    }
  };

  /**
   * About how many pixels {@code (u, v)} lies inside the outline (negative: outside), in the
   * outline's own axes with half-length {@code a} along u and half-width {@code b} along v.
   */
  abstract double inset(double u, double v, double a, double b);
}
