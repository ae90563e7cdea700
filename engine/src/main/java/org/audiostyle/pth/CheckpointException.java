package org.audiostyle.pth;

import org.audiostyle.model.ModelException;

/**
 * A PyTorch checkpoint that cannot be read or imported. The message names the file, says what is wrong and what to do;
 * it is a {@link ModelException} so callers that load models handle it the same way.
 */
public class CheckpointException extends ModelException {

	private static final long serialVersionUID = 1L;

	public CheckpointException(String message) {
		super(message);
	}

	public CheckpointException(String message, Throwable cause) {
		super(message, cause);
	}
}
