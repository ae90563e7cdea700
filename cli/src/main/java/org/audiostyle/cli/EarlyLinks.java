package org.audiostyle.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.Array;

/**
 * Links the JDK natives that reading annotations calls (picocli builds the command line from them) before libtorch's
 * libraries start to load on another thread ({@link AudioStyleCli} calls it just before it starts libtorch).
 *
 * <p>Why: {@code libtorch_cpu.so} runs its static initialisers (0.4-0.45 s here) inside {@code dlopen}, holding the
 * dynamic linker's lock. A Java thread that calls a native method for the first time meanwhile waits for that lock
 * while the JVM looks the method up, and it waits in the VM's own state: the next safepoint (a collection, a thread
 * dump) then stops every Java thread until libtorch is loaded. Seen in the CLI: the main thread in picocli's first
 * {@code Array.getLength} (an annotation's array value), and no Java thread ran for 0.37 s
 * (docs/end-to-end-speed.md, section 7). Reading one annotation with an array value here links the same natives
 * (annotation parsing, proxy classes, reflective calls, arrays): 26-31 ms in a bare JVM, most of it loading the
 * annotation and proxy machinery that picocli loads next anyway, 0.02 ms once loaded.
 */
final class EarlyLinks {

	private EarlyLinks() {}

	/** Reads {@code @Target} of {@code @Retention} (an array of enum constants) and looks at the array reflectively. */
	static void annotations() {
		Target target = Retention.class.getAnnotation(Target.class);
		if (target == null) return;
		ElementType[] kinds = target.value();
		Object copy = Array.newInstance(ElementType.class, Array.getLength(kinds));
		if (Array.getLength(copy) > 0) Array.set(copy, 0, Array.get(kinds, 0));
	}
}
