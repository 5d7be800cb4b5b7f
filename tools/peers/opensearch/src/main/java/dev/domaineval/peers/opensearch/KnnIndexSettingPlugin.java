package dev.domaineval.peers.opensearch;

import java.util.List;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.plugins.Plugin;

/**
 * Declares the index setting {@code index.knn}. Argilla's OpenSearch engine creates every dataset index with
 * {@code index.knn: false}; OpenSearch rejects unknown index settings with HTTP 400 unless a plugin declares them.
 * The real k-NN plugin does; this stand-in only declares the setting, which is all datasets without vector settings
 * need (vector fields and the knn query would still need the real plugin).
 */
public final class KnnIndexSettingPlugin extends Plugin {
    static final Setting<Boolean> INDEX_KNN = Setting.boolSetting("index.knn", false, Property.IndexScope);

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(INDEX_KNN);
    }
}
