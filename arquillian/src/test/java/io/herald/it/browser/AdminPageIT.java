package io.herald.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.WsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs; this test runs in the {@code browser} profile that it enables): an
 * administrator whose password hash comes from {@code herald.jar hash-password} signs in, sees a
 * session that a test client opened and an event that the test produced, disconnects that client,
 * and the client sees the close; publishes a test event with the page's form and opens its data from
 * the live list; sees the connection's address and traffic and the rate chart; cancels and then
 * confirms "Disconnect user"; and nothing is cut off at 1024, 1280 and 1440 px. The screenshot
 * (1280 px wide) is kept as {@code target/admin-page.png}.
 */
class AdminPageIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anAdministratorSeesASessionAndItsEventAndDisconnectsIt() throws Exception {
        String hash = hashPassword(PASSWORD);
        try (HeraldNode node = HeraldNode.start("admin-page", Map.of("HERALD_ADMIN_PASSWORD_HASH", hash))) {
            HttpJson anonymous = new HttpJson(node);
            assertEquals(401, anonymous.get("/admin/api/overview").status(), "anonymous requests get nothing");
            assertEquals(401, anonymous.get("/admin/api/sessions").status());
            assertEquals(401, anonymous.post("/admin/api/users/x/disconnect", "").status());
            assertEquals(401, anonymous.post("/admin/api/login", "{\"user\":\"admin\",\"password\":\"admin\"}").status(),
                    "the demo password is gone once a hash is configured");

            // a commerce client (the demo back-office user) subscribed to a channel
            HttpJson commerce = new HttpJson(node);
            assertEquals(200, commerce.post("/commerce/api/auth/login", "{\"email\":\"support@example.com\",\"password\":\"support\"}").status());
            try (WsClient client = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", commerce.cookieHeader()))) {
                client.expectType("connected");
                client.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
                client.expectType("subscribed");

                WebDriver browser = chromium();
                try {
                    WebDriverWait wait = new WebDriverWait(browser, WAIT);
                    browser.get(node.http("/admin").toString());
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));

                    signIn(browser, "admin", "wrong-password");
                    wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Invalid user or password"));
                    signIn(browser, "admin", PASSWORD);
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
                    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

                    By session = By.cssSelector("#sessions tr[data-user='support@example.com']");
                    wait.until(ExpectedConditions.presenceOfElementLocated(session));
                    assertTrue(browser.findElement(session).getText().contains("customer_changes"), browser.findElement(session).getText());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels tr[data-channel='customer_changes']")));

                    HttpJson.Reply created = commerce.post("/commerce/api/customers", "{\"email\":\"seen-by-admin@example.com\"}");
                    assertEquals(201, created.status(), created.body());
                    assertEquals("customer:created", client.next().getString("event"));
                    By event = By.xpath("//ol[@id='events']/li[@data-product='commerce' and contains(., 'customer:created') and contains(., '→ 1 session')]");
                    wait.until(ExpectedConditions.presenceOfElementLocated(event));
                    String line = browser.findElement(event).getText();
                    assertTrue(line.contains("1 session") && line.contains("commerce:customer_changes"), line);
                    wait.until(ExpectedConditions.textMatches(By.id("outbox"), java.util.regex.Pattern.compile("^0$")));

                    // per-connection detail: the client's address and its traffic
                    By address = By.cssSelector("#sessions tr[data-user='support@example.com'] .remote-address");
                    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                            .until(b -> b.findElement(address).getText().matches("(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1|/?[0-9a-f.:]+)"));
                    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                            .until(b -> b.findElement(session).getText().matches("(?s).*\\d+ frames, \\d+(\\.\\d)? (B|KiB).*\\d+ frames, .*"));

                    // the rate chart draws this node's line once two frames have come
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rate-chart svg polyline")));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rate-legend li")));

                    // a test event through the form, then its data from the live list, as text
                    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("publish-product"))).selectByVisibleText("commerce");
                    browser.findElement(By.id("publish-type")).sendKeys("admin:test");
                    browser.findElement(By.id("publish-keys")).sendKeys("commerce:admin_test");
                    WebElement data = browser.findElement(By.id("publish-data"));
                    data.clear();
                    data.sendKeys("{\"note\":\"<b id=injected>from the admin page</b>\",\"n\":7}");
                    browser.findElement(By.id("publish-submit")).click();
                    wait.until(ExpectedConditions.textMatches(By.id("publish-result"), java.util.regex.Pattern.compile("^Accepted \\(202, durable\\).*")));
                    By published = By.xpath("//ol[@id='events']/li[@data-product='commerce' and @data-type='admin:test']");
                    wait.until(ExpectedConditions.presenceOfElementLocated(published));
                    browser.findElement(published).click();
                    wait.until(ExpectedConditions.textMatches(By.id("event-json"), java.util.regex.Pattern.compile("(?s).*\"data\": \\{.*")));
                    String json = browser.findElement(By.id("event-json")).getText();
                    assertTrue(json.contains("\"note\": \"<b id=injected>from the admin page</b>\"") && json.contains("\"n\": 7")
                            && json.contains("\"commerce:admin_test\""), json);
                    assertTrue(browser.findElements(By.id("injected")).isEmpty(), "event data is shown as text, never as markup");
                    assertTrue(browser.findElement(By.id("event-title")).getText().startsWith("commerce admin:test #"));

                    // nothing cut off at the usual desktop widths: wide tables scroll inside their card
                    for (int width : new int[] {1024, 1280, 1440}) {
                        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1400));
                        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                                "const w = document.documentElement.clientWidth; const bad = [];"
                                + "if (document.documentElement.scrollWidth > w) bad.push('page ' + document.documentElement.scrollWidth + ' > ' + w);"
                                + "document.querySelectorAll('.card, .scroll').forEach(e => { const r = e.getBoundingClientRect();"
                                + "  if (r.right > w + 0.5) bad.push((e.id || e.className) + ' ends at ' + r.right + ' > ' + w); });"
                                + "document.querySelectorAll('.scroll').forEach(e => { if (getComputedStyle(e).overflowX !== 'auto') bad.push('a table wrapper does not scroll'); });"
                                + "return bad.join('; ');");
                        assertEquals("", overflow, "at " + width + " px");
                    }
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
                    wait.until(ExpectedConditions.presenceOfElementLocated(session));
                    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
                    screenshot(browser);

                    // "Disconnect user" asks first; Cancel does nothing
                    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                        b.findElement(session).findElement(By.cssSelector("button.disconnect-user")).click();
                        return true;
                    });
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-text")));
                    String question = browser.findElement(By.id("confirm-text")).getText();
                    assertTrue(question.contains("support@example.com") && question.contains("commerce"), question);
                    browser.findElement(By.id("confirm-cancel")).click();
                    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-text")));
                    client.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
                    client.expectType("subscribed");
                    assertEquals("", browser.findElement(By.id("action-result")).getText(), "nothing was done");

                    // the page redraws the sessions table every few seconds: a row found just before a redraw is stale
                    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                        WebElement row = b.findElement(session);
                        row.findElement(By.cssSelector("button.disconnect-session")).click();
                        return true;
                    });
                    WsClient.Close close = client.awaitClose();
                    assertEquals(1008, close.code());
                    assertEquals("Disconnected by an administrator", close.reason());
                    wait.until(ExpectedConditions.invisibilityOfElementLocated(session));
                    wait.until(ExpectedConditions.textMatches(By.id("action-result"), java.util.regex.Pattern.compile("Disconnected session .*1 on this node.*")));

                    // confirmed, "Disconnect user" closes the user's connection
                    try (WsClient again = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", commerce.cookieHeader()))) {
                        again.expectType("connected");
                        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
                            b.findElement(session).findElement(By.cssSelector("button.disconnect-user")).click();
                            return true;
                        });
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ok"))).click();
                        WsClient.Close userClose = again.awaitClose();
                        assertEquals(1008, userClose.code());
                        wait.until(ExpectedConditions.textMatches(By.id("action-result"),
                                java.util.regex.Pattern.compile("Disconnected user support@example.com .*1 on this node.*")));
                    }

                    // the dead-letter card answers (this node has rejected nothing)
                    wait.until(ExpectedConditions.textToBe(By.id("rejected-count"), "0"));

                    browser.findElement(By.id("logout")).click();
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private static void signIn(WebDriver browser, String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private static WebDriver chromium() {
        String driver = System.getProperty("herald.chromedriver", "/usr/bin/chromedriver");
        String binary = System.getProperty("herald.chromium", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(driver)) || !Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("Chromium and its driver are needed (" + binary + ", " + driver
                    + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1440,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser) throws IOException {
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "admin-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code java -jar herald.jar hash-password}, the password on standard input, as the README says. */
    private static String hashPassword(String password) throws Exception {
        Path jar = Path.of(System.getProperty("herald.jar", "../server-config/target/herald.jar")).toAbsolutePath();
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "hash-password")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String hash = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !hash.startsWith("PBKDF2WithHmacSHA256:")) {
            throw new UncheckedIOException(new IOException("herald.jar hash-password failed: " + hash));
        }
        return hash;
    }
}
