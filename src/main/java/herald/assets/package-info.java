/**
 * The brand asset library: hierarchical folders per workspace, uploads whose type is read from their bytes, tags and
 * search, blobs stored once per workspace on a {@link herald.assets.storage.BlobStorage} (local disk or
 * S3-compatible), and expiring signed media URLs ({@link herald.assets.MediaLinks}).
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit", "tenancy"})
@NullMarked
package herald.assets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
