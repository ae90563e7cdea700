/**
 * Evaluation of a style model on held-out data: an independent scene classifier trained on the training images only,
 * SSIM of luminance, the Reinhard colour-transfer baseline, the mixing monotonicity check and contact sheets. Entry
 * point: {@link org.audiostyle.eval.EvaluationRunner#run} ({@code audiostyle evaluate}).
 */
package org.audiostyle.eval;
