package io.novasim.http.console;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: Debian's headless chromium, driven by Selenium through Debian's chromedriver. A
 * test logs in as an admin, a client creates a server through the API, and the page shows it, then its change to
 * ACTIVE, without being reloaded. Skipped where the browser is not installed, unless {@code NOVASIM_REQUIRE_BROWSER}
 * is set: CI installs it and sets that, so there the test cannot be skipped.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private NovaSimulator sim;
    private WebDriver browser;

    @BeforeAll
    void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("NOVASIM_REQUIRE_BROWSER") != null) {
            assertThat(installed).as("chromium and chromedriver are required here (Debian: chromium, "
                    + "chromium-driver)").isTrue();
        }
        assumeTrue(installed, "chromium and chromedriver are not installed");
        sim = NovaSimulator.builder().seed(5).build().start();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void anAdminLogsInAndSeesAServerAppearAndBecomeActiveLive() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(sim.baseUri() + "/__sim/console");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("admin");
        assertThat(browser.findElements(By.cssSelector("#volumes tbody tr"))).hasSize(2); // the demo world's

        String token = demoToken();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.computeEndpoint() + "/servers")).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"server\": {\"name\": \"web\", \"imageRef\": \"70a599e0-31e7-49b7-b260-868f441e862b\", "
                                + "\"flavorRef\": \"1\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);

        By web = By.xpath("//table[@id='servers']//tr[td[1]='web']");
        wait.until(ExpectedConditions.presenceOfElementLocated(web));
        assertThat(browser.findElement(web).getText()).contains("BUILD");
        sim.control().advance(Duration.ofSeconds(5));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(web, "ACTIVE"));
        assertThat(browser.findElement(web).getText()).contains("active").contains("1");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#ports tbody tr"), 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#ports tbody tr"), "web"));
        assertThat(browser.findElement(By.cssSelector("#ports tbody tr")).getText()).contains("ACTIVE")
                .contains("compute:nova").contains("10.0.0.");

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path kept = Path.of("target", "console-servers.png");
        Files.createDirectories(kept.getParent());
        Files.copy(shot.toPath(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String demoToken() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.identityEndpoint() + "/auth/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth\": {\"identity\": {\"methods\": [\"password\"], "
                        + "\"password\": {\"user\": {\"name\": \"demo\", \"domain\": {\"name\": \"Default\"}, "
                        + "\"password\": \"secret\"}}}, \"scope\": {\"project\": {\"name\": \"demo\", "
                        + "\"domain\": {\"name\": \"Default\"}}}}}")).build(), HttpResponse.BodyHandlers.ofString());
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }
}
