package herald.web.ui;

import herald.publishing.PostTags;
import herald.shared.WorkspaceId;
import java.util.List;
import org.springframework.ui.Model;

/** What the tag picker of posts/filters.html needs: the workspace's tags, the chosen one, and whether it is among them. */
final class TagPicker {

    private TagPicker() {}

    static void add(Model model, PostTags tags, WorkspaceId workspace, String chosen) {
        List<PostTags.Count> known = tags.all(workspace);
        model.addAttribute("tags", known);
        model.addAttribute("tag", chosen);
        model.addAttribute("tagKnown", known.stream().anyMatch(t -> t.tag().equalsIgnoreCase(chosen)));
    }
}
