package herald.assets;

import herald.shared.Conflict;
import java.util.List;
import java.util.stream.Collectors;

/** A delete refused because something still uses the assets; the message names each of them. */
public class AssetInUse extends Conflict {

    private final List<AssetReference> references;

    public AssetInUse(List<AssetReference> references) {
        super(
                "assets",
                "Still in use, so nothing was deleted: "
                        + references.stream()
                                .map(r -> r.kind() + " " + r.label())
                                .collect(Collectors.joining("; "))
                        + ". Remove the asset from these first.");
        this.references = List.copyOf(references);
    }

    public List<AssetReference> references() {
        return references;
    }
}
