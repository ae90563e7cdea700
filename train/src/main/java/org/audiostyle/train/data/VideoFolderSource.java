package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.image.PlanarImage;

/**
 * A folder of videos with sound, split like the paper's Into-the-Wild data: consecutive 3 s clips (the last may be
 * shorter and is tiled), 8 evenly spaced frames per clip, every frame paired with its own clip's audio. Frames are
 * squashed to the load size (the paper resizes to 512 x 512 ignoring the aspect ratio). Audio is decoded by ffmpeg to
 * 16 kHz mono. Clips shorter than 1 s (a video's tail) are dropped.
 */
public final class VideoFolderSource {

	public static final int FRAMES_PER_CLIP = 8;
	public static final double MIN_CLIP_SECONDS = 1.0;

	private VideoFolderSource() {}

	public static boolean isVideo(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".mp4") || n.endsWith(".mkv") || n.endsWith(".webm") || n.endsWith(".mov") ||
			n.endsWith(".avi") || n.endsWith(".m4v") || n.endsWith(".mpg") || n.endsWith(".mpeg");
	}

	/** @param ffmpegBinary explicit ffmpeg, or null to find it on PATH */
	public static TrainingData load(Path dir, int loadSize, Path ffmpegBinary, Consumer<String> log) throws IOException {
		if (!Files.isDirectory(dir)) throw new IOException("Video folder not found: " + dir);
		List<Path> videos;
		try (Stream<Path> s = Files.list(dir)) {
			videos = s.filter(Files::isRegularFile).filter(VideoFolderSource::isVideo).sorted().collect(Collectors
				.toList());
		}
		if (videos.isEmpty()) throw new IOException("No video files (.mp4, .mkv, .webm, .mov, .avi, ...) in " + dir);
		Ffmpeg ffmpeg = Ffmpeg.locate(ffmpegBinary);
		List<PlanarImage> images = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<SoundClip> sounds = new ArrayList<>();
		List<Integer> pairImage = new ArrayList<>(), pairSound = new ArrayList<>();
		for (Path v : videos) {
			float[] audio = decodeAudio(ffmpeg, v);
			int clips = (int) Math.ceil(audio.length / (double) AudioFrontEnd.WINDOW_SAMPLES);
			int[] soundOfClip = new int[clips];
			for (int k = 0; k < clips; k++) {
				int from = k * AudioFrontEnd.WINDOW_SAMPLES;
				int to = Math.min(audio.length, from + AudioFrontEnd.WINDOW_SAMPLES);
				if (to - from < MIN_CLIP_SECONDS * AudioFrontEnd.SAMPLE_RATE) {
					soundOfClip[k] = -1;
					continue;
				}
				soundOfClip[k] = sounds.size();
				sounds.add(new SoundClip(v.getFileName() + "#clip" + k, Arrays.copyOfRange(audio, from, to)));
			}
			List<PlanarImage> frames = decodeFrames(ffmpeg, v, loadSize);
			int used = 0;
			for (int j = 0; j < frames.size(); j++) {
				int clip = j / FRAMES_PER_CLIP;
				if (clip >= clips || soundOfClip[clip] < 0) continue;
				pairImage.add(images.size());
				pairSound.add(soundOfClip[clip]);
				images.add(frames.get(j));
				names.add(v.getFileName() + "#clip" + clip + "-" + (j % FRAMES_PER_CLIP));
				used++;
			}
			log.accept(v.getFileName() + ": " + clips + " clips, " + used + " frames");
		}
		if (pairImage.isEmpty()) throw new IOException("No usable 3 s clips with frames in " + dir +
			" (videos need an audio track and at least " + MIN_CLIP_SECONDS + " s).");
		int[] pi = pairImage.stream().mapToInt(Integer::intValue).toArray();
		int[] ps = pairSound.stream().mapToInt(Integer::intValue).toArray();
		return new TrainingData(images, names, sounds, PairSampler.uniform(pi, ps), "videos " + dir + ": " + videos
			.size() + " files, " + sounds.size() + " clips, " + images.size() + " frames");
	}

	/** The whole soundtrack, mono 16 kHz float. */
	static float[] decodeAudio(Ffmpeg ffmpeg, Path video) throws IOException {
		byte[] raw = ffmpeg.run(List.of("-i", video.toString(), "-vn", "-ac", "1", "-ar", String.valueOf(
			AudioFrontEnd.SAMPLE_RATE), "-f", "f32le", "-"));
		if (raw.length < 4) throw new IOException(video + " has no audio track (or it is empty); training needs " +
			"videos with sound.");
		float[] out = new float[raw.length / 4];
		ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
		return out;
	}

	/** Frames at 8 per 3 s (ffmpeg's fps filter: one frame per 3/8 s slot), squashed to side x side. */
	static List<PlanarImage> decodeFrames(Ffmpeg ffmpeg, Path video, int side) throws IOException {
		byte[] raw = ffmpeg.run(List.of("-i", video.toString(), "-an", "-vf", "fps=" + FRAMES_PER_CLIP + "/3,scale=" +
			side + ":" + side + ":flags=area", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
		int frameBytes = 3 * side * side;
		List<PlanarImage> frames = new ArrayList<>();
		int plane = side * side;
		for (int off = 0; off + frameBytes <= raw.length; off += frameBytes) {
			PlanarImage img = new PlanarImage(side, side);
			for (int i = 0; i < plane; i++) {
				img.data[i] = (raw[off + 3 * i] & 255) / 255f;
				img.data[plane + i] = (raw[off + 3 * i + 1] & 255) / 255f;
				img.data[2 * plane + i] = (raw[off + 3 * i + 2] & 255) / 255f;
			}
			frames.add(img);
		}
		if (frames.isEmpty()) throw new IOException(video + " has no video frames.");
		return frames;
	}
}
