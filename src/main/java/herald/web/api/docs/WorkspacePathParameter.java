package herald.web.api.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Declares {@code {workspaceId}} on every path that has it: controllers take the bound workspace, not the id. */
class WorkspacePathParameter implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            boolean declared = item.getParameters() != null
                    && item.getParameters().stream().anyMatch(p -> "workspaceId".equals(p.getName()));
            if (path.contains("{workspaceId}") && !declared) {
                item.addParametersItem(new PathParameter()
                        .name("workspaceId")
                        .required(true)
                        .description("The workspace of the calling API key; any other answers 404.")
                        .schema(new StringSchema().format("uuid")));
            }
        });
    }
}
