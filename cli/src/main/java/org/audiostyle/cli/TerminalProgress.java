package org.audiostyle.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.audiostyle.stylize.Progress;

/** Engine progress shown as a terminal progress bar (stderr), created lazily on the first update. */
final class TerminalProgress implements Progress, AutoCloseable {

	private final String task;
	private ProgressBar bar;

	TerminalProgress(String task) {
		this.task = task;
	}

	@Override
	public void update(long done, long total, String stage) {
		if (total <= 1 && bar == null) return;
		if (bar == null) bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(
			ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
			.build();
		bar.maxHint(total);
		bar.stepTo(done);
		bar.setExtraMessage(stage);
	}

	@Override
	public void close() {
		if (bar != null) {
			bar.close();
			bar = null;
		}
	}
}
