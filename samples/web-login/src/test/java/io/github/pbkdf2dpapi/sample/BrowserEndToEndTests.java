package io.github.pbkdf2dpapi.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample in a real browser: Debian's Chromium, headless, through chromium-driver, against the
 * application started on a random port with its real configuration. Skipped with a message where
 * Chromium is not installed, except in CI. Screenshots of every step are written to
 * {@code target/screenshots/} when a test fails.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { WebLoginApplicationTests.OWN_DATABASE,
		WebLoginApplicationTests.TEST_KEY_RING })
class BrowserEndToEndTests {

	private static final String GENERIC_FAILURE = "Sign-in failed. Check your username and password.";

	private static Path profile;

	private static WebDriver driver;

	@RegisterExtension
	final StepScreenshots screenshots = new StepScreenshots(() -> driver);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcUserDetailsManager users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@BeforeAll
	static void startBrowser() throws IOException {
		profile = Files.createTempDirectory("chromium-profile");
		driver = Chromium.start(profile);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@BeforeEach
	void signedOut() {
		open("/login");
		driver.manage().deleteAllCookies();
	}

	@Test
	void registerLogInChangePasswordLogOutLogInAgain() {
		open("/register");
		assertCsrfToken("register-form");
		type("username", "browser-user");
		type("password", "first browser passphrase");
		type("confirmPassword", "first browser passphrase");
		click("register");
		assertThat(waitFor("notice").getText()).isEqualTo("Your account was created. Sign in with it.");
		this.screenshots.step("registered");

		logIn("browser-user", "first browser passphrase");
		assertThat(waitFor("username").getText()).isEqualTo("browser-user");
		assertThat(text("format")).startsWith("pbkdf2-dpapi (sha256, 600000 iterations");
		this.screenshots.step("logged-in");

		open("/password");
		assertCsrfToken("password-form");
		type("currentPassword", "first browser passphrase");
		type("newPassword", "second browser passphrase");
		type("confirmPassword", "second browser passphrase");
		click("change");
		assertThat(waitFor("notice").getText()).isEqualTo("Your password was changed.");
		this.screenshots.step("password-changed");

		click("logout");
		assertThat(waitFor("notice").getText()).isEqualTo("You have signed out.");
		this.screenshots.step("logged-out");

		logIn("browser-user", "first browser passphrase");
		assertThat(waitFor("error").getText()).isEqualTo(GENERIC_FAILURE);
		this.screenshots.step("old-password-refused");

		logIn("browser-user", "second browser passphrase");
		assertThat(waitFor("username").getText()).isEqualTo("browser-user");
		this.screenshots.step("logged-in-again");
	}

	@Test
	void legacyUsersAreUpgradedAtLogin() {
		List<DemoUsers.DemoUser> legacy = List.of(DemoUsers.LEGACY_MD5, DemoUsers.LEGACY_ASPNET, DemoUsers.LEGACY_PBKDF2);
		logIn(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
		open("/admin/users");
		assertThat(format(DemoUsers.LEGACY_MD5)).isEqualTo("md5");
		assertThat(format(DemoUsers.LEGACY_ASPNET)).isEqualTo("aspnet");
		assertThat(format(DemoUsers.LEGACY_PBKDF2)).startsWith("pbkdf2-dpapi (sha256, 100000 iterations");
		this.screenshots.step("admin-before");
		click("logout");

		for (DemoUsers.DemoUser user : legacy) {
			logIn(user.username(), user.password());
			assertThat(waitFor("username").getText()).isEqualTo(user.username());
			assertThat(text("format")).startsWith("pbkdf2-dpapi (sha256, 600000 iterations");
			this.screenshots.step(user.username() + "-upgraded");
			click("logout");
			waitFor("notice");
		}

		logIn(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
		open("/admin/users");
		for (DemoUsers.DemoUser user : legacy) {
			assertThat(format(user)).startsWith("pbkdf2-dpapi (sha256, 600000 iterations");
		}
		assertThat(driver.getPageSource()).doesNotContain("$p2d$");
		this.screenshots.step("admin-after");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountWithTheGenericMessage() {
		this.users.createUser(User.withUsername("lock-target")
			.password(this.passwordEncoder.encode("the right passphrase"))
			.roles("USER")
			.build());
		for (int i = 1; i <= 5; i++) {
			logIn("lock-target", "wrong passphrase " + i);
			assertThat(waitFor("error").getText()).isEqualTo(GENERIC_FAILURE);
		}
		this.screenshots.step("five-failures");
		logIn("lock-target", "the right passphrase");
		assertThat(waitFor("error").getText()).isEqualTo(GENERIC_FAILURE);
		assertThat(driver.findElements(By.id("username"))).allSatisfy((field) -> assertThat(field.getTagName()).isEqualTo("input"));
		this.screenshots.step("locked-right-password-refused");

		logIn(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
		open("/admin/users");
		assertThat(row("lock-target").findElement(By.className("lock")).getText()).startsWith("locked until");
		this.screenshots.step("admin-sees-lock");
		click("unlock-lock-target");
		assertThat(waitFor("notice").getText()).isEqualTo("Unlocked lock-target.");
		assertThat(row("lock-target").findElement(By.className("lock")).getText()).isEqualTo("—");
		this.screenshots.step("admin-unlocked");
		click("logout");
		waitFor("notice");

		logIn("lock-target", "the right passphrase");
		assertThat(waitFor("username").getText()).isEqualTo("lock-target");
		this.screenshots.step("logged-in-after-unlock");
	}

	@Test
	void everyFormCarriesACsrfToken() {
		assertCsrfToken("login-form");
		open("/register");
		assertCsrfToken("register-form");
		logIn(DemoUsers.ADMIN.username(), DemoUsers.ADMIN.password());
		waitFor("username");
		WebElement logout = driver.findElement(By.id("logout")).findElement(By.xpath("./ancestor::form"));
		assertThat(logout.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank();
		open("/password");
		assertCsrfToken("password-form");
		open("/admin/users");
		for (WebElement form : driver.findElements(By.cssSelector("#users form"))) {
			assertThat(form.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank();
		}
		this.screenshots.step("admin-forms");
	}

	private void logIn(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		click("sign-in");
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.or(
				ExpectedConditions.presenceOfElementLocated(By.id("error")),
				ExpectedConditions.presenceOfElementLocated(By.id("format"))));
	}

	private void open(String path) {
		driver.get("http://localhost:" + this.port + path);
	}

	private void type(String id, String text) {
		WebElement field = waitFor(id);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Clicks something that loads a page, and waits until the new page has loaded. The old page
	 * is marked with a window variable, which the next page no longer has; asking during the
	 * navigation may fail (Chromium answers with an inspector error rather than a stale element),
	 * so failures only mean "ask again".
	 */
	private void click(String id) {
		WebElement target = waitFor(id);
		((JavascriptExecutor) driver).executeScript("window.e2eOldPage = true;");
		target.click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
			.until((d) -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.e2eOldPage === undefined && document.readyState === 'complete';")));
	}

	private String text(String id) {
		return waitFor(id).getText();
	}

	private WebElement waitFor(String id) {
		return new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
	}

	private WebElement row(String username) {
		return waitFor("user-" + username);
	}

	private String format(DemoUsers.DemoUser user) {
		return row(user.username()).findElement(By.className("format")).getText();
	}

	private void assertCsrfToken(String formId) {
		WebElement token = waitFor(formId).findElement(By.name("_csrf"));
		assertThat(token.getAttribute("type")).isEqualTo("hidden");
		assertThat(token.getAttribute("value")).hasSizeGreaterThan(20);
	}

}
