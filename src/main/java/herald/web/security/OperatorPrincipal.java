package herald.web.security;

import java.io.Serializable;

/** The principal of a request that presented the operator token. */
public record OperatorPrincipal() implements Serializable {

    @Override
    public String toString() {
        return "operator";
    }
}
