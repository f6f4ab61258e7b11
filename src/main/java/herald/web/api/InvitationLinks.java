package herald.web.api;

import herald.tenancy.IssuedInvitation;
import herald.web.PublicUrl;
import org.springframework.stereotype.Component;

/** The link a person opens to accept an invitation: the web UI's {@code /invitations/{token}} page. */
@Component
public class InvitationLinks {

    private final PublicUrl publicUrl;

    InvitationLinks(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String of(IssuedInvitation issued) {
        return publicUrl.resolve("/invitations/" + issued.token());
    }
}
