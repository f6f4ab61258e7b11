package herald.web.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests drive Debian's Chromium ({@code /usr/bin/chromium}) through Playwright against Herald on a random
 * port. Each test opens as many browser contexts (separate people) as it needs; a failing test leaves a screenshot of
 * every open page in {@code target/playwright-screenshots}.
 */
@UiTest
abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();

    /** Errors the pages reported: script errors, and console errors such as Content-Security-Policy violations. */
    final List<String> browserErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(this::openPages);

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); browser tests skipped");
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A fresh browser context (its own cookies: another person) with one page, at desktop size. */
    Page person() {
        return person(1280, 900);
    }

    Page person(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base())
                .setViewportSize(width, height)
                .setTimezoneId("Europe/Berlin")
                .setLocale("en-GB"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.onPageError(error -> browserErrors.add(page.url() + ": " + error));
        page.onConsoleMessage(message -> {
            // A 4xx page (a form with errors, a 404) is logged as a failed load: expected, not a fault.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                browserErrors.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    /** Signs {@code email} in with the fixtures' password and waits for a workspace's page. */
    static void signIn(Page page, String email) {
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL("**/w/**");
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** A link in the workspace's navigation. */
    static Locator navLink(Page page, String name) {
        return page.locator("nav[aria-label=Workspace]")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private List<Page> openPages() {
        return contexts.stream().flatMap(c -> c.pages().stream()).toList();
    }
}
