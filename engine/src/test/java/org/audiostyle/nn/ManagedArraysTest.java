package org.audiostyle.nn;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the layer tests: one NDManager for all tests of a class, opened before them and closed after, so native
 * arrays do not outlive the class. (Test classes run one after another, so the shared static field is safe.)
 */
abstract class ManagedArraysTest {

	static NDManager manager;

	@BeforeAll
	static void openManager() {
		manager = NDManager.newBaseManager();
	}

	@AfterAll
	static void closeManager() {
		manager.close();
	}
}
