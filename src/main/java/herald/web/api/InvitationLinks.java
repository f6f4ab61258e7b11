package herald.web.api;

import herald.tenancy.IssuedInvitation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The link a person opens to accept an invitation: the web UI's {@code /invitations/{token}} page. */
@Component
public class InvitationLinks {

    private final String publicUrl;

    InvitationLinks(@Value("${herald.public-url}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String of(IssuedInvitation issued) {
        return publicUrl + "/invitations/" + issued.token();
    }
}
