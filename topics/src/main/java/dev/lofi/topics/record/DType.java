package dev.lofi.topics.record;

/** The element type of a clip payload; the code is what binary records store. */
public enum DType {
  /** Unsigned 8-bit integers: RGB pixel values. */
  UINT8(1, 1);

  private final int code;
  private final int bytes;

  DType(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
  }

  /** The u8 stored in binary records; never reused for another type. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The type of a stored code. */
  public static DType fromCode(int code) {
    for (DType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("dtype code " + code + " is unknown");
  }
}
