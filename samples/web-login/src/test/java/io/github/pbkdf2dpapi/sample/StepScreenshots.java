package io.github.pbkdf2dpapi.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import org.springframework.util.FileSystemUtils;

/**
 * Takes a screenshot after each step of a browser test and writes them all to
 * {@code target/screenshots/<test class>/<test>/} when the test fails, the last one showing the
 * page at the moment of failure. With {@code -Dscreenshots=always} they are written for passing
 * tests too.
 *
 * <p>
 * Register it with {@code @RegisterExtension}, give it the driver, and call {@link #step(String)}
 * after each step.
 */
final class StepScreenshots implements BeforeEachCallback, TestWatcher {

	static final Path DIRECTORY = Path.of("target", "screenshots");

	private final Supplier<WebDriver> driver;

	private final List<Shot> shots = new ArrayList<>();

	StepScreenshots(Supplier<WebDriver> driver) {
		this.driver = driver;
	}

	/**
	 * Records the page as it is now.
	 * @param name what the step did, used in the file name
	 */
	void step(String name) {
		WebDriver current = this.driver.get();
		if (current instanceof TakesScreenshot camera) {
			this.shots.add(new Shot(name, camera.getScreenshotAs(OutputType.BYTES)));
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.shots.clear();
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		try {
			step("failure");
		}
		catch (RuntimeException ex) {
			// The browser may be the reason of the failure: keep the steps recorded so far.
		}
		write(context);
	}

	@Override
	public void testSuccessful(ExtensionContext context) {
		if ("always".equals(System.getProperty("screenshots"))) {
			write(context);
		}
	}

	@Override
	public void testDisabled(ExtensionContext context, Optional<String> reason) {
		this.shots.clear();
	}

	private void write(ExtensionContext context) {
		Path folder = DIRECTORY.resolve(context.getRequiredTestClass().getSimpleName())
			.resolve(context.getRequiredTestMethod().getName());
		try {
			FileSystemUtils.deleteRecursively(folder);
			Files.createDirectories(folder);
			for (int i = 0; i < this.shots.size(); i++) {
				Shot shot = this.shots.get(i);
				Files.write(folder.resolve(String.format("%02d-%s.png", i + 1, shot.name())), shot.png());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Screenshots of " + this.shots.size() + " steps in " + folder.toAbsolutePath());
		this.shots.clear();
	}

	private record Shot(String name, byte[] png) {
	}

}
