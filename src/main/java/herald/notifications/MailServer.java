package herald.notifications;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.stereotype.Component;

/**
 * The SMTP server Herald sends through, when there is one: Spring Boot makes a {@link JavaMailSender} only when {@code
 * spring.mail.host} is set. Without it e-mail is off: nothing is queued and the settings say so.
 */
@Component
class MailServer {

    private final @Nullable JavaMailSender sender;

    MailServer(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender.getIfAvailable();
    }

    boolean enabled() {
        return sender != null;
    }

    /** @throws MailException when the server cannot be reached or refuses the message */
    void send(MimeMessagePreparator message) {
        if (sender == null) {
            throw new IllegalStateException("E-mail is not set up: spring.mail.host is empty");
        }
        sender.send(message);
    }
}
