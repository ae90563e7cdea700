/**
 * Image plumbing around the network: ImgLib2 images to and from float planar RGB, resampling, tiling with smooth
 * blending, detail-preserving enlargement, and image files.
 *
 * <p>The intended flow for one image (values in [0, 1] throughout; [-1, 1] only at the network boundary):
 * <pre>
 * PlanarImage full = ImageConversion.toPlanar(rai, settings);              // any RealType or ARGB, display range
 * int[] ws = Resampling.workingSize(full.width, full.height, settings.workSize);
 * PlanarImage low = Resampling.resize(full, ws[0], ws[1]);                  // area average (same object size: copy)
 * TilePlan plan = TilePlan.of(low.width, low.height, tileSize, settings.tileOverlap);
 * TileBlender blender = new TileBlender(plan);
 * for (Tile t : plan.tiles()) {
 *     PlanarImage in = t.cut(low).padToMultipleOf(4);                       // generator stride is 4
 *     float[] y = G(in.toNetworkRange(), in.height, in.width);             // NCHW, N = 1, [-1, 1]
 *     blender.add(t, PlanarImage.fromNetworkRange(in.width, in.height, y)); // padding is ignored
 * }
 * PlanarImage out = DetailTransfer.apply(full, low, blender.finish());     // O = clamp(I + up(o - i))
 * Img&lt;ARGBType&gt; result = ImageConversion.toArgb(out);
 * </pre>
 */
package org.audiostyle.image;
