package herald.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Words the e-mail of notifications: one notification, or a member's daily digest of several, as plain text and simple
 * HTML (templates/email/notifications.txt and .html), naming the workspace in the subject and the body. Each links to
 * where to act through the notification's own page link (which marks it read, as the bell does), under Herald's public
 * address ({@code herald.public-url}), and to the settings where the member changes or stops the e-mail. Nothing in it
 * is a secret: the links need the member to be signed in.
 */
@Component
class EmailWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final String base;

    EmailWriter(@Value("${herald.public-url}") String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    /** An e-mail, ready to send. */
    record Email(String subject, String text, String html, String settingsUrl) {}

    /** One line of an e-mail: a notification with the address that opens it. */
    record Item(String title, String body, String url, int occurrences, String time) {}

    /** The e-mail of one notification, or (with {@code digest}) the digest of several. */
    Email write(
            String workspaceName, String slug, ZoneId zone, List<EmailOutbox.Claimed> notifications, boolean digest) {
        String settingsUrl = base + "/w/" + slug + "/notifications#email";
        List<Item> items = notifications.stream()
                .map(n -> new Item(
                        n.title(),
                        n.body(),
                        base + "/w/" + slug + "/notifications/" + n.notification() + "/open",
                        n.occurrences(),
                        TIME.format(n.createdAt().atZone(zone))))
                .toList();
        String subject = digest
                ? "[" + workspaceName + "] Your daily digest: " + items.size()
                        + (items.size() == 1 ? " notification" : " notifications")
                : "[" + workspaceName + "] " + items.getFirst().title();
        var context = new Context(Locale.ENGLISH);
        context.setVariable("workspace", workspaceName);
        context.setVariable("items", items);
        context.setVariable("digest", digest);
        context.setVariable("settingsUrl", settingsUrl);
        context.setVariable("subject", subject);
        return new Email(
                subject,
                templates.process("email/notifications.txt", context),
                templates.process("email/notifications.html", context),
                settingsUrl);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
