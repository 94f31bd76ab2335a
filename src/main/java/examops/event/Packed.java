package examops.event;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;

/**
 * Long runs of instants and small numbers, saved compactly in a checkpoint: each instant as the gap
 * from the one before in milliseconds plus its sub-millisecond rest, as variable-length numbers
 * (mostly one to three bytes, where a date written out takes thirty), base64'd into one string.
 * Exact: an instant reads back as it was written.
 */
public final class Packed {

  private Packed() {}

  /** Writes a run; {@link #done()} gives the string. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long previousMs;

    public Writer time(Instant t) {
      long ms = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1000L), t.getNano() / 1_000_000);
      long gap = ms - previousMs;
      varLong((gap << 1) ^ (gap >> 63));
      varLong(t.getNano() % 1_000_000);
      previousMs = ms;
      return this;
    }

    public Writer small(int n) {
      varLong(n);
      return this;
    }

    /** A number that is never negative, of up to 63 bits. */
    public Writer number(long n) {
      if (n < 0) throw new IllegalArgumentException("negative: " + n);
      varLong(n);
      return this;
    }

    private void varLong(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    /** The run so far, as saved (writing may go on). */
    public String done() {
      return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The run so far, as bytes (for a {@link Reader}). */
    public byte[] bytes() {
      return out.toByteArray();
    }

    /**
     * A writer that goes on from a saved run of instants and small numbers. The run is read through
     * once to learn its last instant, so {@code shape} says what each entry holds: how many instants,
     * then how many small numbers.
     */
    public static Writer resume(String packed, int instants, int smalls) {
      Writer w = new Writer();
      byte[] bytes = Base64.getDecoder().decode(packed);
      w.out.writeBytes(bytes);
      Reader r = new Reader(bytes);
      while (r.more()) {
        for (int i = 0; i < instants; i++) r.time();
        for (int i = 0; i < smalls; i++) r.small();
      }
      w.previousMs = r.previousMs;
      return w;
    }
  }

  /** Reads a run in the order it was written. */
  public static final class Reader {
    private final byte[] bytes;
    private int at;
    private long previousMs;

    public Reader(String packed) {
      this(Base64.getDecoder().decode(packed));
    }

    public Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    public boolean more() {
      return at < bytes.length;
    }

    public Instant time() {
      long zigzag = varLong();
      long ms = previousMs + ((zigzag >>> 1) ^ -(zigzag & 1));
      previousMs = ms;
      long rest = varLong();
      return Instant.ofEpochSecond(Math.floorDiv(ms, 1000L), Math.floorMod(ms, 1000L) * 1_000_000L + rest);
    }

    public int small() {
      return (int) varLong();
    }

    public long number() {
      return varLong();
    }

    private long varLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= bytes.length) throw new IllegalArgumentException("packed run ends inside a number");
        byte b = bytes[at++];
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) return v;
      }
      throw new IllegalArgumentException("packed run: a number longer than 64 bits");
    }
  }
}
