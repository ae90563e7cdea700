/**
 * The project's own sample sounds: a deterministic synthesizer ({@link org.audiostyle.samples.SoundSynth}) of rain,
 * wind, birdsong, fire, crickets, waves and thunder, and the WAV writer it uses.
 */
package org.audiostyle.samples;
