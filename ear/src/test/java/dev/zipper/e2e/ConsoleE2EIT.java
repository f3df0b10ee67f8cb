package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser (Debian's headless Chromium, through its ChromeDriver) against
 * the deployed EAR: a command issued over HTTP shows on the page, its event and the new head, within a
 * second, and the view's applied position follows; the stream inspector shows its events and its state
 * as of one of them, and the event catalogue is shown; the console is usable from the keyboard, every field has a
 * label, and it fits a narrow screen. Screenshots are kept in ear/target.
 */
@ExtendWith(ZipperServer.class)
class ConsoleE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ZipperHttp staff = new ZipperHttp(ZipperServer.WEB_MODULE).as(Tokens.of("staff", "console-staff"));
    private WebDriver browser;

    @BeforeEach
    void open() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver (Debian: apt-get install chromium chromium-driver)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("console-chromium"), "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        browser.get(ZipperServer.WEB_MODULE + "console/#token=" + Tokens.of("operator", "console-operator"));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_command_shows_on_the_console_within_a_second_and_the_view_follows() throws Exception {
        await(Duration.ofSeconds(30)).until(page -> text("connection").equals("live")
                && !text("head").equals("–") && page.findElement(By.id("events")).getDomAttribute("data-following") != null);
        assertThat(browser.getCurrentUrl()).as("the token is taken out of the address").doesNotContain("token");

        JsonObject opened = ZipperHttp.json(staff.post("accounts", "{\"name\": \"Connie Console\", "
                + "\"email\": \"connie@example.org\"}")).asJsonObject();
        long answered = System.nanoTime();
        String stream = "account/" + opened.getString("id");
        long position = opened.getJsonNumber("position").longValue();

        await(Duration.ofSeconds(1)).until(page -> !page.findElements(
                By.cssSelector("#events li[data-stream='" + stream + "']")).isEmpty());
        long eventShown = System.nanoTime();
        await(Duration.ofSeconds(1)).until(page -> Long.parseLong(text("head")) >= position);
        long headShown = System.nanoTime();
        await(Duration.ofSeconds(3)).until(page -> Long.parseLong(page.findElement(
                By.cssSelector("#projection-account-view .applied")).getText()) >= position);
        long applied = System.nanoTime();
        System.out.printf("[console on %s] event shown %d ms, head %d ms, account-view applied %d ms after the answer%n",
                ZipperServer.SERVER, (eventShown - answered) / 1_000_000, (headShown - answered) / 1_000_000,
                (applied - answered) / 1_000_000);
        assertThat(browser.findElement(By.cssSelector("#events li[data-stream='" + stream + "']")).getText())
                .contains("account.opened");
        assertThat(browser.findElement(By.id("lag-chart")).findElements(By.tagName("polyline"))).as("a line a projection")
                .hasSizeGreaterThanOrEqualTo(4);

        // the stream inspector, from the event: its events, and its state as of one of them
        browser.findElement(By.cssSelector("#events li[data-stream='" + stream + "'] button")).click();
        await(Duration.ofSeconds(5)).until(page -> stream.equals(page.findElement(By.id("stream-events")).getDomAttribute("data-stream")));
        WebElement first = browser.findElement(By.cssSelector("#stream-events li"));
        assertThat(first.getText()).startsWith("v1 account.opened");
        first.findElement(By.tagName("button")).click();
        await(Duration.ofSeconds(5)).until(page -> text("stream-state").startsWith("as of version 1"));
        assertThat(text("stream-state")).contains("Connie Console");
        assertThat(browser.findElements(By.cssSelector("#catalogue th")).stream().map(WebElement::getText).toList())
                .as("the event catalogue's types").contains("account.opened", "order.placed", "process.consumed");
        assertThat(text("problem")).as("a problem shown on the page").isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 2600)); // the whole page in one picture
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("console-" + ZipperServer.SERVER + ".png");
    }

    @Test
    void the_events_are_filtered_from_the_keyboard_and_the_page_fits_a_narrow_screen() throws Exception {
        await(Duration.ofSeconds(30)).until(page -> page.findElement(By.id("events")).getDomAttribute("data-following") != null);
        List<String> unlabelled = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                + "'input')].filter(i => !i.hidden && !document.querySelector(`label[for='${i.id}']`)).map(i => i.id)") instanceof List<?> ids
                ? ids.stream().map(String::valueOf).toList() : List.of("?");
        assertThat(unlabelled).as("inputs without a label").isEmpty();

        WebElement type = browser.findElement(By.id("filter-type"));
        type.sendKeys("product");
        type.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER); // the id field: Enter follows the filter
        await(Duration.ofSeconds(10)).until(page -> "type=product".equals(
                page.findElement(By.id("events")).getDomAttribute("data-following")));
        String sku = "CONSOLE-" + System.nanoTime();
        staff.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Console mug\", \"price\": 3.00, \"currency\": \"EUR\"}");
        staff.post("accounts", "{\"name\": \"Not Shown\", \"email\": \"not-shown@example.org\"}");
        await(Duration.ofSeconds(5)).until(page -> !page.findElements(
                By.cssSelector("#events li[data-stream='product/" + sku + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#events li[data-stream^='account/']"))).as("filtered out").isEmpty();

        browser.manage().window().setSize(new Dimension(380, 800));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("pixels wider than a 380 px screen").isLessThanOrEqualTo(0);
        screenshot("console-narrow-" + ZipperServer.SERVER + ".png");
    }

    private WebDriverWait await(Duration atMost) {
        WebDriverWait wait = new WebDriverWait(browser, atMost, Duration.ofMillis(20));
        // the page redraws its tables with each status: an element read as it is replaced is read again
        wait.ignoring(NumberFormatException.class).ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        Path file = ZipperServer.PROJECT.resolve("ear/target/" + name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("[console] screenshot " + file);
    }
}
