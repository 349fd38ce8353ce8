package io.github.pbkdf2dpapi.autoconfigure.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * A task the starter runs at a fixed delay on one daemon thread of its own, started and stopped
 * with the application context (retention purges, key rotation checks). Failures of one run are
 * the subclass's to log; the next run happens anyway.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final String threadName;

	private final Duration interval;

	private ScheduledExecutorService executor;

	/**
	 * Create a new task.
	 * @param threadName the name of its thread
	 * @param interval the delay between the end of one run and the start of the next (at least
	 * one second)
	 */
	protected PeriodicTask(String threadName, Duration interval) {
		this.threadName = threadName;
		this.interval = interval;
	}

	/**
	 * One run of the task; must not throw.
	 */
	protected abstract void runOnce();

	/**
	 * Called on start, before the first scheduled run; does nothing by default.
	 */
	protected void onStart() {
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		onStart();
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1000, this.interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
