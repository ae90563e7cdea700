/**
 * The paper's networks as DJL blocks: {@link org.audiostyle.nn.ResnetGenerator} (CONCAT as in the paper, or our FiLM
 * variant) and {@link org.audiostyle.nn.AudioEncoder}, built from small {@link org.audiostyle.nn.TorchBlock}s that keep
 * PyTorch names.
 * <ul>
 * <li>Shapes come from {@link org.audiostyle.nn.NetworkConfig}; values from
 * {@link org.audiostyle.nn.TorchBlock#initialize(ai.djl.ndarray.NDManager, long)} (Java RNG, seeded per key) or from a
 * checkpoint via {@link org.audiostyle.nn.StateDict}.</li>
 * <li>State-dict keys are the official ones. Generator: {@code model_down.1.weight}, {@code model_down.7.filt},
 * {@code model_down.12.conv_block.1.weight}, {@code model_up.0.filt}, ... Audio encoder (official {@code AudioModel}):
 * {@code AudioInconv.0.weight} (stem conv, no bias), {@code AudioInconv.1.*} (bn1),
 * {@code AudioLayer1..4.*} (torchvision BasicBlocks), {@code stft.wsin}, {@code stft.wcos}, {@code stft.window_mask},
 * {@code proj.weight}, {@code proj.bias}. FiLM models add {@code film.0.*}, {@code film.1.*}. BatchNorm
 * {@code num_batches_tracked} is not held; importers skip it.</li>
 * <li>Buffers ({@code filt}, STFT kernels, BN running statistics) are DJL Parameters with requiresGrad false, so they
 * are saved by {@code saveParameters} but never trained; {@link org.audiostyle.nn.TorchBlock#parameterCount()}
 * counts trainable values only.</li>
 * <li>Blocks read parameter arrays directly (single device); a DJL Trainer on one device works with them. Nothing a
 * pass computes is created in the parameters' NDManager (derived helpers such as upsampling kernels go to the input's
 * manager), so long-lived networks do not accumulate arrays.</li>
 * <li>Two forms of the fixed ops: when gradients may be taken (anything but
 * {@link org.audiostyle.nn.ResnetGenerator#infer}), padding and the blur resampling are matrix products along each
 * axis ({@code AxisMatrices}) and instance norm is PyTorch's fused batch norm on a (1, N*C, H, W)
 * view, for backward passes several times faster on CPU; low-memory inference keeps the direct slice and
 * convolution forms. Both give the same numbers to about 1e-6.</li>
 * </ul>
 */
package org.audiostyle.nn;
