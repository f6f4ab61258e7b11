package herald.web.ui;

import herald.identity.SignedInUser;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import herald.web.security.SecondStep;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the layout's {@link Shell} into every UI page, and what pages say about the platforms Herald knows. */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

    private final Workspaces workspaces;
    private final String threadPlatforms;
    private final String languagePlatforms;

    UiModel(Workspaces workspaces, Providers providers) {
        this.workspaces = workspaces;
        this.threadPlatforms = platformsThat(providers, SocialProvider::takesThreads);
        this.languagePlatforms = platformsThat(providers, SocialProvider::takesLanguage);
    }

    /** The platforms that are told the language a post is written in, for people: {@code Bluesky and Mastodon}. */
    @ModelAttribute("languagePlatforms")
    String languagePlatforms() {
        return languagePlatforms;
    }

    /** The platforms where a post goes on as a thread, for people: {@code Bluesky, Mastodon, X and the Sandbox}. */
    @ModelAttribute("threadPlatforms")
    String threadPlatforms() {
        return threadPlatforms;
    }

    /** The names of the platforms that {@code do}, as a sentence says them: {@code Bluesky, Mastodon and the Sandbox}. */
    static String platformsThat(Providers providers, Predicate<SocialProvider> does) {
        return names(providers.all().stream()
                .filter(does)
                .map(SocialProvider::displayName)
                .toList());
    }

    /** Names joined as a sentence says them, the Sandbox last as "the Sandbox". */
    static String names(List<String> names) {
        List<String> named = new ArrayList<>(
                names.stream().filter(name -> !name.equals("Sandbox")).toList());
        if (names.contains("Sandbox")) {
            named.add("the Sandbox");
        }
        if (named.size() <= 1) {
            return String.join("", named);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request, @AuthenticationPrincipal @Nullable SignedInUser user) {
        if (SecondStep.pending(SecurityContextHolder.getContext().getAuthentication())
                .isPresent()) {
            // Halfway through signing in (no code yet): no page shows them as signed in, nor lists their workspaces.
            user = null;
        }
        return new Shell(user, CurrentWorkspace.of(request).orElse(null), workspaces);
    }
}
