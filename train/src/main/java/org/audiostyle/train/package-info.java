/**
 * Training a sound-to-style model in Java (DJL autograd): the paper's objective (LSGAN with the audio-visual
 * PatchGAN, PatchNCE with identity NCE) plus label-free terms that make the generator depend on the sound, a
 * resumable training loop, and the data sources it reads.
 *
 * <p>Entry points: {@link org.audiostyle.train.Training#run} ({@code audiostyle train}),
 * {@link org.audiostyle.train.Training#export} ({@code audiostyle export}), {@link org.audiostyle.train.TrainConfig}
 * (settings and recipes), {@link org.audiostyle.train.Trainer} (the step loop) and
 * {@link org.audiostyle.train.StepBenchmark} (seconds per step of a configuration).
 *
 * <p>Determinism: every random choice comes from {@link org.audiostyle.train.SeededRandom} streams whose states are
 * checkpointed; networks are initialised from Java generators. A resumed run equals the uninterrupted run when both
 * use the same number of PyTorch threads.
 */
package org.audiostyle.train;
