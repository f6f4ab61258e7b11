package herald.web.ui;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves a full-page screenshot of every open page when a browser test fails, as
 * {@code target/playwright-screenshots/<Class>.<test>.png} (then {@code -2}, {@code -3} for further pages). Runs right
 * after the test method, before {@code @AfterEach} closes the browser contexts.
 */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    static final Path FOLDER = Path.of("target", "playwright-screenshots");

    private final Supplier<List<Page>> pages;

    ScreenshotOnFailure(Supplier<List<Page>> pages) {
        this.pages = pages;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        List<Page> open = pages.get();
        for (int i = 0; i < open.size(); i++) {
            Path file = FOLDER.resolve(name + (i == 0 ? "" : "-" + (i + 1)) + ".png");
            try {
                open.get(i)
                        .screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            } catch (RuntimeException e) {
                // A page that crashed cannot be captured; the test's own failure is what matters.
                System.err.println("Could not save a screenshot to " + file + ": " + e.getMessage());
            }
        }
    }
}
