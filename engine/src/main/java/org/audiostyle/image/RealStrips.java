package org.audiostyle.image;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Reads horizontal strips of a grey (X,Y) or multi-channel (X,Y,C) RealType image as doubles, through ImgLib2's
 * {@link PrimitiveBlocks} (bulk copies, no per-pixel cursor in the common cases).
 *
 * <p>Pixel types with a plain one-primitive-per-pixel layout are copied into their own primitive array and widened
 * in a tight loop. Any other RealType (bit types, 12-bit, non-native views) is first viewed as DoubleType through a
 * converter; PrimitiveBlocks then falls back to its generic copier, which is slower but correct.
 */
final class RealStrips {

	private enum Kind {
		U8, S8, U16, S16, U32, S32, U64, S64, F32, F64
	}

	private final Kind kind;
	private final PrimitiveBlocks<?> blocks;
	private final long x0, y0, c0;
	final int width, height, channels;
	private final boolean threeD;
	private Object scratch;

	/**
	 * @param image 2-D (X,Y) or 3-D (X,Y,C) with RealType pixels
	 * @param channels 1 for 2-D; the size of the third axis for 3-D
	 */
	RealStrips(RandomAccessibleInterval<?> image, int width, int height, int channels) {
		this.width = width;
		this.height = height;
		this.channels = channels;
		this.threeD = image.numDimensions() == 3;
		this.x0 = image.min(0);
		this.y0 = image.min(1);
		this.c0 = threeD ? image.min(2) : 0;
		Object type = image.getType();
		Class<?> k = type.getClass();
		// Exact class matches only: subclasses may pack several pixels per primitive.
		Kind kind = k == UnsignedByteType.class ? Kind.U8 : k == ByteType.class ? Kind.S8 : k == UnsignedShortType.class
			? Kind.U16 : k == ShortType.class ? Kind.S16 : k == UnsignedIntType.class ? Kind.U32 : k == IntType.class
				? Kind.S32 : k == UnsignedLongType.class ? Kind.U64 : k == LongType.class ? Kind.S64 : k == FloatType.class
					? Kind.F32 : k == DoubleType.class ? Kind.F64 : null;
		if (kind != null) {
			this.kind = kind;
			this.blocks = blocksOf(image);
		}
		else if (type instanceof RealType) {
			this.kind = Kind.F64;
			this.blocks = PrimitiveBlocks.of(asDoubles(image), PrimitiveBlocks.OnFallback.ACCEPT);
		}
		else throw new IllegalArgumentException("Unsupported pixel type " + k.getSimpleName() +
			": expected a grey RealType (8/16/32-bit integer, float, double, ...) or ARGBType.");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PrimitiveBlocks<?> blocksOf(RandomAccessibleInterval<?> image) {
		return PrimitiveBlocks.of((RandomAccessible) image, PrimitiveBlocks.OnFallback.ACCEPT);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<DoubleType> asDoubles(RandomAccessibleInterval<?> image) {
		RandomAccessibleInterval<RealType> real = (RandomAccessibleInterval) image;
		return Converters.convertRAI(real, (a, b) -> b.set(a.getRealDouble()), new DoubleType());
	}

	/** Rows per strip so that one strip of all channels holds about {@code budget} samples. */
	int rowsPerStrip(int budget) {
		long perRow = (long) width * channels;
		return (int) Math.max(1, Math.min(height, budget / perRow));
	}

	/**
	 * Fills {@code dest} with rows [y, y + rows) of every channel, laid out channel-major then row-major:
	 * {@code dest[c * rows * width + r * width + x]}. {@code dest} must hold at least rows * width * channels values.
	 */
	void read(int y, int rows, double[] dest) {
		int n = rows * width * channels;
		FinalInterval strip = threeD ? FinalInterval.createMinSize(x0, y0 + y, c0, width, rows, channels)
			: FinalInterval.createMinSize(x0, y0 + y, width, rows);
		Object a = scratch(n);
		blocks.copy(strip, a);
		switch (kind) {
			case U8: {
				byte[] s = (byte[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i] & 0xff;
				break;
			}
			case S8: {
				byte[] s = (byte[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i];
				break;
			}
			case U16: {
				short[] s = (short[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i] & 0xffff;
				break;
			}
			case S16: {
				short[] s = (short[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i];
				break;
			}
			case U32: {
				int[] s = (int[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i] & 0xffffffffL;
				break;
			}
			case S32: {
				int[] s = (int[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i];
				break;
			}
			case U64: {
				long[] s = (long[]) a;
				for (int i = 0; i < n; i++) {
					long v = s[i];
					// unsigned 64-bit: halve (logical shift), convert, double, add the dropped bit back
					dest[i] = v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
				}
				break;
			}
			case S64: {
				long[] s = (long[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i];
				break;
			}
			case F32: {
				float[] s = (float[]) a;
				for (int i = 0; i < n; i++)
					dest[i] = s[i];
				break;
			}
			case F64:
				System.arraycopy((double[]) a, 0, dest, 0, n);
				break;
		}
	}

	/** A reusable primitive array of this image's kind holding at least n elements. */
	private Object scratch(int n) {
		Object s = scratch;
		if (s == null || java.lang.reflect.Array.getLength(s) < n) {
			switch (kind) {
				case U8: case S8: s = new byte[n]; break;
				case U16: case S16: s = new short[n]; break;
				case U32: case S32: s = new int[n]; break;
				case U64: case S64: s = new long[n]; break;
				case F32: s = new float[n]; break;
				default: s = new double[n]; break;
			}
			scratch = s;
		}
		return s;
	}

	/** The full range of 8-bit and unsigned 16-bit pixels (their default display range), else null. */
	double[] fixedDefaultRange() {
		switch (kind) {
			case U8: return new double[] { 0, 255 };
			case U16: return new double[] { 0, 65535 };
			default: return null;
		}
	}
}
