/**
 * Sounds, mixes and the paper's audio front end.
 *
 * <p>{@link org.audiostyle.audio.AudioFrontEnd#prepare(org.audiostyle.audio.SoundMix)} turns a mix into the 48,000
 * samples at 16 kHz the audio encoder hears. {@link org.audiostyle.audio.WindowReader} picks the 3 s of a file (the
 * loudest by default) without decoding long files whole, and streams consecutive windows for movies;
 * {@link org.audiostyle.audio.AudioInfo} gives format and duration. Files are WAV, AIFF, AU, MP3, OGG Vorbis or FLAC,
 * recognised by their content; problems are {@link org.audiostyle.audio.AudioFormatException}s that name the file.
 */
package org.audiostyle.audio;
