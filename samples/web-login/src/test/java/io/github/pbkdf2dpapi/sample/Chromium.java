package io.github.pbkdf2dpapi.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven headless through {@code chromium-driver}. As a JUnit condition
 * it skips a test class where Chromium is not installed, saying how to install it, except in CI
 * ({@code CI=true}), where the browser test must run and fails instead.
 */
final class Chromium implements ExecutionCondition {

	static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

	static final String HOW_TO_INSTALL = "install with: apt-get install chromium chromium-driver "
			+ "(or point -Dchromium.binary and -Dwebdriver.chrome.driver at a Chromium and its driver)";

	static boolean isInstalled() {
		return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
	}

	static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isInstalled()) {
			return ConditionEvaluationResult.enabled("Chromium found at " + BROWSER + ", driver at " + DRIVER);
		}
		if (isCi()) {
			// Enabled, so that start() fails the test with the reason: CI always runs it.
			return ConditionEvaluationResult.enabled("CI=true: the browser test must run");
		}
		return ConditionEvaluationResult
			.disabled("Browser test skipped: Chromium not found at " + BROWSER + " or " + DRIVER + "; " + HOW_TO_INSTALL);
	}

	/**
	 * Starts a headless Chromium with a fresh profile. The driver and browser paths are given
	 * explicitly, so Selenium Manager never looks for (or downloads) a driver.
	 * @param profile an empty directory for the browser profile
	 * @return the driver
	 */
	static ChromeDriver start(Path profile) throws IOException {
		if (!isInstalled()) {
			throw new IllegalStateException(
					"Chromium not found at " + BROWSER + " or " + DRIVER + " and CI=true; " + HOW_TO_INSTALL);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
