package org.audiostyle.plugin;

/**
 * A problem the user can fix (a missing sound file, a bad parameter, PyTorch that cannot load), with a message that
 * says what is wrong and what to do. Commands show it instead of a stack trace; macro functions turn it into a macro
 * error.
 */
public class AudioStyleException extends Exception {

	private static final long serialVersionUID = 1L;

	public AudioStyleException(String message) {
		super(message);
	}

	public AudioStyleException(String message, Throwable cause) {
		super(message, cause);
	}
}
