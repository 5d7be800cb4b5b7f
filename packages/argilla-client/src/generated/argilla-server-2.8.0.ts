// Generated — do not edit.
// Types of the Argilla server 2.8.0 REST API (/api/v1), made by openapi-typescript from
// openapi/argilla-server-2.8.0.json. Regenerate with `npm run generate` in packages/argilla-client.

export interface paths {
    "/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Dataset */
        post: operations["create_dataset_datasets_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Dataset */
        get: operations["get_dataset_datasets__dataset_id__get"];
        put?: never;
        post?: never;
        /** Delete Dataset */
        delete: operations["delete_dataset_datasets__dataset_id__delete"];
        options?: never;
        head?: never;
        /** Update Dataset */
        patch: operations["update_dataset_datasets__dataset_id__patch"];
        trace?: never;
    };
    "/datasets/{dataset_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export Dataset To Hub */
        post: operations["export_dataset_to_hub_datasets__dataset_id__export_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Dataset Fields */
        get: operations["list_dataset_fields_datasets__dataset_id__fields_get"];
        put?: never;
        /** Create Dataset Field */
        post: operations["create_dataset_field_datasets__dataset_id__fields_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import Dataset From Hub */
        post: operations["import_dataset_from_hub_datasets__dataset_id__import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/metadata-properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Dataset Metadata Property */
        post: operations["create_dataset_metadata_property_datasets__dataset_id__metadata_properties_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Dataset Progress */
        get: operations["get_dataset_progress_datasets__dataset_id__progress_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish Dataset */
        put: operations["publish_dataset_datasets__dataset_id__publish_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Dataset Questions */
        get: operations["list_dataset_questions_datasets__dataset_id__questions_get"];
        put?: never;
        /** Create Dataset Question */
        post: operations["create_dataset_question_datasets__dataset_id__questions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Dataset Records */
        get: operations["list_dataset_records_datasets__dataset_id__records_get"];
        put?: never;
        post?: never;
        /** Delete Dataset Records */
        delete: operations["delete_dataset_records_datasets__dataset_id__records_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/records/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upsert Dataset Records Bulk */
        put: operations["upsert_dataset_records_bulk_datasets__dataset_id__records_bulk_put"];
        /** Create Dataset Records Bulk */
        post: operations["create_dataset_records_bulk_datasets__dataset_id__records_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/records/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search Dataset Records */
        post: operations["search_dataset_records_datasets__dataset_id__records_search_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/records/search/suggestions/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Dataset Records Search Suggestions Options */
        get: operations["list_dataset_records_search_suggestions_options_datasets__dataset_id__records_search_suggestions_options_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/users/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Dataset Users Progress */
        get: operations["get_dataset_users_progress_datasets__dataset_id__users_progress_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{dataset_id}/vectors-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Dataset Vector Settings */
        get: operations["list_dataset_vector_settings_datasets__dataset_id__vectors_settings_get"];
        put?: never;
        /** Create Dataset Vector Settings */
        post: operations["create_dataset_vector_settings_datasets__dataset_id__vectors_settings_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fields/{field_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Field */
        delete: operations["delete_field_fields__field_id__delete"];
        options?: never;
        head?: never;
        /** Update Field */
        patch: operations["update_field_fields__field_id__patch"];
        trace?: never;
    };
    "/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Job */
        get: operations["get_job_jobs__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Current User */
        get: operations["get_current_user_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Current User Datasets */
        get: operations["list_current_user_datasets_me_datasets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/datasets/{dataset_id}/metadata-properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Current User Dataset Metadata Properties */
        get: operations["list_current_user_dataset_metadata_properties_me_datasets__dataset_id__metadata_properties_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/datasets/{dataset_id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Current User Dataset Metrics */
        get: operations["get_current_user_dataset_metrics_me_datasets__dataset_id__metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/datasets/{dataset_id}/records/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search Current User Dataset Records */
        post: operations["search_current_user_dataset_records_me_datasets__dataset_id__records_search_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/responses/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Current User Responses Bulk */
        post: operations["create_current_user_responses_bulk_me_responses_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Workspaces Me */
        get: operations["list_workspaces_me_me_workspaces_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metadata-properties/{metadata_property_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Metadata Property */
        delete: operations["delete_metadata_property_metadata_properties__metadata_property_id__delete"];
        options?: never;
        head?: never;
        /** Update Metadata Property */
        patch: operations["update_metadata_property_metadata_properties__metadata_property_id__patch"];
        trace?: never;
    };
    "/metadata-properties/{metadata_property_id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Metadata Property Metrics */
        get: operations["get_metadata_property_metrics_metadata_properties__metadata_property_id__metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Providers */
        get: operations["list_providers_oauth2_providers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/providers/{provider}/access-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Access Token */
        get: operations["get_access_token_oauth2_providers__provider__access_token_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/providers/{provider}/authentication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Authentication */
        get: operations["get_authentication_oauth2_providers__provider__authentication_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/questions/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Question */
        delete: operations["delete_question_questions__question_id__delete"];
        options?: never;
        head?: never;
        /** Update Question */
        patch: operations["update_question_questions__question_id__patch"];
        trace?: never;
    };
    "/records/{record_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Record */
        get: operations["get_record_records__record_id__get"];
        put?: never;
        post?: never;
        /** Delete Record */
        delete: operations["delete_record_records__record_id__delete"];
        options?: never;
        head?: never;
        /** Update Record */
        patch: operations["update_record_records__record_id__patch"];
        trace?: never;
    };
    "/records/{record_id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Record Response */
        post: operations["create_record_response_records__record_id__responses_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{record_id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Record Suggestions */
        get: operations["get_record_suggestions_records__record_id__suggestions_get"];
        /** Create or update a suggestion */
        put: operations["upsert_suggestion_records__record_id__suggestions_put"];
        post?: never;
        /** Delete suggestions for a record */
        delete: operations["delete_record_suggestions_records__record_id__suggestions_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Update Response */
        put: operations["update_response_responses__response_id__put"];
        post?: never;
        /** Delete Response */
        delete: operations["delete_response_responses__response_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Settings */
        get: operations["get_settings_settings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Status */
        get: operations["get_status_status_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suggestions/{suggestion_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Suggestion */
        delete: operations["delete_suggestion_suggestions__suggestion_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Token */
        post: operations["create_token_token_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Users */
        get: operations["list_users_users_get"];
        put?: never;
        /** Create User */
        post: operations["create_user_users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User */
        get: operations["get_user_users__user_id__get"];
        put?: never;
        post?: never;
        /** Delete User */
        delete: operations["delete_user_users__user_id__delete"];
        options?: never;
        head?: never;
        /** Update User */
        patch: operations["update_user_users__user_id__patch"];
        trace?: never;
    };
    "/users/{user_id}/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List User Workspaces */
        get: operations["list_user_workspaces_users__user_id__workspaces_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vectors-settings/{vector_settings_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Vector Settings */
        delete: operations["delete_vector_settings_vectors_settings__vector_settings_id__delete"];
        options?: never;
        head?: never;
        /** Update Vector Settings */
        patch: operations["update_vector_settings_vectors_settings__vector_settings_id__patch"];
        trace?: never;
    };
    "/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Version */
        get: operations["get_version_version_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Webhooks */
        get: operations["list_webhooks_webhooks_get"];
        put?: never;
        /** Create Webhook */
        post: operations["create_webhook_webhooks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Webhook */
        delete: operations["delete_webhook_webhooks__webhook_id__delete"];
        options?: never;
        head?: never;
        /** Update Webhook */
        patch: operations["update_webhook_webhooks__webhook_id__patch"];
        trace?: never;
    };
    "/webhooks/{webhook_id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ping Webhook */
        post: operations["ping_webhook_webhooks__webhook_id__ping_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create Workspace */
        post: operations["create_workspace_workspaces_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Workspace */
        get: operations["get_workspace_workspaces__workspace_id__get"];
        put?: never;
        post?: never;
        /** Delete Workspace */
        delete: operations["delete_workspace_workspaces__workspace_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspace_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Workspace Users */
        get: operations["list_workspace_users_workspaces__workspace_id__users_get"];
        put?: never;
        /** Create Workspace User */
        post: operations["create_workspace_user_workspaces__workspace_id__users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspace_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Workspace User */
        delete: operations["delete_workspace_user_workspaces__workspace_id__users__user_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ArgillaSettings */
        ArgillaSettings: {
            /**
             * Share Your Progress Enabled
             * @default false
             */
            share_your_progress_enabled?: boolean;
            /** Show Huggingface Space Persistent Storage Warning */
            show_huggingface_space_persistent_storage_warning?: boolean | null;
        };
        /** Body_create_token_token_post */
        Body_create_token_token_post: {
            /** Password */
            password: string;
            /** Username */
            username: string;
        };
        /** ChatFieldSettings */
        ChatFieldSettings: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat";
            /** Use Markdown */
            use_markdown: boolean;
        };
        /** ChatFieldSettingsCreate */
        ChatFieldSettingsCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat";
            /**
             * Use Markdown
             * @default true
             */
            use_markdown?: boolean;
        };
        /** ChatFieldSettingsUpdate */
        ChatFieldSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat";
            /** Use Markdown */
            use_markdown: boolean;
        };
        /** ChatFieldValue */
        ChatFieldValue: {
            /** Content */
            content: string;
            /** Role */
            role: string;
        };
        /** CustomFieldSettings */
        CustomFieldSettings: {
            /** Advanced Mode */
            advanced_mode: boolean;
            /** Template */
            template: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "custom";
        };
        /** CustomFieldSettingsCreate */
        CustomFieldSettingsCreate: {
            /**
             * Advanced Mode
             * @default false
             */
            advanced_mode?: boolean;
            /** Template */
            template: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "custom";
        };
        /** CustomFieldSettingsUpdate */
        CustomFieldSettingsUpdate: {
            /** Advanced Mode */
            advanced_mode: boolean;
            /** Template */
            template: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "custom";
        };
        /** Dataset */
        Dataset: {
            /** Allow Extra Metadata */
            allow_extra_metadata: boolean;
            distribution: components["schemas"]["DatasetOverlapDistribution"];
            /** Guidelines */
            guidelines?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /**
             * Last Activity At
             * Format: date-time
             */
            last_activity_at: string;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Name */
            name: string;
            status: components["schemas"]["DatasetStatus"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Workspace Id
             * Format: uuid
             */
            workspace_id: string;
        };
        /** DatasetCreate */
        DatasetCreate: {
            /**
             * Allow Extra Metadata
             * @default true
             */
            allow_extra_metadata?: boolean;
            /**
             * @default {
             *       "min_submitted": 1,
             *       "strategy": "overlap"
             *     }
             */
            distribution?: components["schemas"]["DatasetOverlapDistributionCreate"];
            /** Guidelines */
            guidelines?: string | null;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /**
             * Name
             * @description Dataset name
             */
            name: string;
            /**
             * Workspace Id
             * Format: uuid
             */
            workspace_id: string;
        };
        /** DatasetMetrics */
        DatasetMetrics: {
            responses: components["schemas"]["ResponseMetrics"];
        };
        /** DatasetOverlapDistribution */
        DatasetOverlapDistribution: {
            /** Min Submitted */
            min_submitted: number;
            /**
             * Strategy
             * @constant
             * @enum {string}
             */
            strategy: "overlap";
        };
        /** DatasetOverlapDistributionCreate */
        DatasetOverlapDistributionCreate: {
            /**
             * Min Submitted
             * @description Minimum number of submitted responses to consider a record as completed
             */
            min_submitted: number;
            /**
             * Strategy
             * @constant
             * @enum {string}
             */
            strategy: "overlap";
        };
        /** DatasetOverlapDistributionUpdate */
        DatasetOverlapDistributionUpdate: {
            /**
             * Min Submitted
             * @description Minimum number of submitted responses to consider a record as completed
             */
            min_submitted: number;
            /**
             * Strategy
             * @constant
             * @enum {string}
             */
            strategy: "overlap";
        };
        /** DatasetProgress */
        DatasetProgress: {
            /** Completed */
            completed: number;
            /** Pending */
            pending: number;
            /** Total */
            total: number;
            /** Users */
            users?: components["schemas"]["UserProgress"][];
        };
        /**
         * DatasetStatus
         * @enum {string}
         */
        DatasetStatus: "draft" | "ready";
        /** DatasetUpdate */
        DatasetUpdate: {
            /** Allow Extra Metadata */
            allow_extra_metadata?: boolean | null;
            distribution?: components["schemas"]["DatasetOverlapDistributionUpdate"] | null;
            /** Guidelines */
            guidelines?: string | null;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Name */
            name?: string | null;
        };
        /** Datasets */
        Datasets: {
            /** Items */
            items: components["schemas"]["Dataset"][];
        };
        /** DiscardedResponseUpdate */
        DiscardedResponseUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "discarded";
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            } | null;
        };
        /** DiscardedResponseUpsert */
        DiscardedResponseUpsert: {
            /**
             * Record Id
             * Format: uuid
             */
            record_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "discarded";
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            } | null;
        };
        /** DraftResponseUpdate */
        DraftResponseUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "draft";
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            } | null;
        };
        /** DraftResponseUpsert */
        DraftResponseUpsert: {
            /**
             * Record Id
             * Format: uuid
             */
            record_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "draft";
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            } | null;
        };
        /** Field */
        Field: {
            /**
             * Dataset Id
             * Format: uuid
             */
            dataset_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Name */
            name: string;
            /** Required */
            required: boolean;
            /** Settings */
            settings: components["schemas"]["TextFieldSettings"] | components["schemas"]["ImageFieldSettings"] | components["schemas"]["ChatFieldSettings"] | components["schemas"]["CustomFieldSettings"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** FieldCreate */
        FieldCreate: {
            /**
             * Name
             * @description The name of the field
             */
            name: string;
            /** Required */
            required?: boolean | null;
            /** Settings */
            settings: components["schemas"]["TextFieldSettingsCreate"] | components["schemas"]["ImageFieldSettingsCreate"] | components["schemas"]["ChatFieldSettingsCreate"] | components["schemas"]["CustomFieldSettingsCreate"];
            /**
             * Title
             * @description The title of the field
             */
            title: string;
        };
        /** FieldUpdate */
        FieldUpdate: {
            /** Settings */
            settings?: (components["schemas"]["TextFieldSettingsUpdate"] | components["schemas"]["ImageFieldSettingsUpdate"] | components["schemas"]["ChatFieldSettingsUpdate"] | components["schemas"]["CustomFieldSettingsUpdate"]) | null;
            /** Title */
            title?: string | null;
        };
        /** Fields */
        Fields: {
            /** Items */
            items: components["schemas"]["Field"][];
        };
        /** Filters */
        Filters: {
            /** And */
            and?: (components["schemas"]["TermsFilter"] | components["schemas"]["RangeFilter"])[] | null;
        };
        /** FloatMetadataMetrics */
        FloatMetadataMetrics: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "float";
        };
        /** FloatMetadataProperty */
        FloatMetadataProperty: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "float";
        };
        /** FloatMetadataPropertyCreate */
        FloatMetadataPropertyCreate: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "float";
        };
        /** HubDataset */
        HubDataset: {
            mapping: components["schemas"]["HubDatasetMapping"];
            /** Name */
            name: string;
            /** Split */
            split: string;
            /** Subset */
            subset: string;
        };
        /** HubDatasetExport */
        HubDatasetExport: {
            /** Name */
            name: string;
            /**
             * Private
             * @default false
             */
            private?: boolean | null;
            /**
             * Split
             * @default train
             */
            split?: string | null;
            /**
             * Subset
             * @default default
             */
            subset?: string | null;
            /** Token */
            token: string;
        };
        /** HubDatasetMapping */
        HubDatasetMapping: {
            /** External Id */
            external_id?: string | null;
            /** Fields */
            fields: components["schemas"]["HubDatasetMappingItem"][];
            /**
             * Metadata
             * @default []
             */
            metadata?: components["schemas"]["HubDatasetMappingItem"][] | null;
            /**
             * Suggestions
             * @default []
             */
            suggestions?: components["schemas"]["HubDatasetMappingItem"][] | null;
        };
        /** HubDatasetMappingItem */
        HubDatasetMappingItem: {
            /**
             * Source
             * @description The name of the column in the Hub Dataset
             */
            source: string;
            /**
             * Target
             * @description The name of the target resource in the Argilla Dataset
             */
            target: string;
        };
        /** HuggingfaceSettings */
        HuggingfaceSettings: {
            /** Space Author Name */
            space_author_name: string | null;
            /** Space Host */
            space_host: string | null;
            /** Space Id */
            space_id: string | null;
            /** Space Persistent Storage Enabled */
            space_persistent_storage_enabled: boolean;
            /** Space Repo Name */
            space_repo_name: string | null;
            /** Space Subdomain */
            space_subdomain: string | null;
            /** Space Title */
            space_title: string | null;
        };
        /** ImageFieldSettings */
        ImageFieldSettings: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
        };
        /** ImageFieldSettingsCreate */
        ImageFieldSettingsCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
        };
        /** ImageFieldSettingsUpdate */
        ImageFieldSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
        };
        /** IntegerMetadataMetrics */
        IntegerMetadataMetrics: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "integer";
        };
        /** IntegerMetadataProperty */
        IntegerMetadataProperty: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "integer";
        };
        /** IntegerMetadataPropertyCreate */
        IntegerMetadataPropertyCreate: {
            /** Max */
            max?: number | null;
            /** Min */
            min?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "integer";
        };
        /** Job */
        Job: {
            /** Id */
            id: string;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * JobStatus
         * @description The Status of Job within its lifecycle at any given time.
         * @enum {string}
         */
        JobStatus: "queued" | "finished" | "failed" | "started" | "deferred" | "scheduled" | "stopped" | "canceled";
        /** LabelSelectionQuestionSettings */
        LabelSelectionQuestionSettings: {
            /** Options */
            options: components["schemas"]["OptionSettings"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** LabelSelectionQuestionSettingsCreate */
        LabelSelectionQuestionSettingsCreate: {
            /** Options */
            options: components["schemas"]["OptionSettingsCreate"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** LabelSelectionSettingsUpdate */
        LabelSelectionSettingsUpdate: {
            /** Options */
            options?: components["schemas"]["OptionSettings"][] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** MetadataFilterScope */
        MetadataFilterScope: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            entity: "metadata";
            /** Metadata Property */
            metadata_property: string;
        };
        /** MetadataProperties */
        MetadataProperties: {
            /** Items */
            items: components["schemas"]["MetadataProperty"][];
        };
        /** MetadataProperty */
        MetadataProperty: {
            /**
             * Dataset Id
             * Format: uuid
             */
            dataset_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Name */
            name: string;
            /** Settings */
            settings: components["schemas"]["TermsMetadataProperty"] | components["schemas"]["IntegerMetadataProperty"] | components["schemas"]["FloatMetadataProperty"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Visible For Annotators */
            visible_for_annotators: boolean;
        };
        /** MetadataPropertyCreate */
        MetadataPropertyCreate: {
            /** Name */
            name: string;
            /** Settings */
            settings: components["schemas"]["TermsMetadataPropertyCreate"] | components["schemas"]["IntegerMetadataPropertyCreate"] | components["schemas"]["FloatMetadataPropertyCreate"];
            /**
             * Title
             * @description The title of the metadata property
             */
            title: string;
            /**
             * Visible For Annotators
             * @default true
             */
            visible_for_annotators?: boolean;
        };
        /** MetadataPropertyUpdate */
        MetadataPropertyUpdate: {
            /** Title */
            title?: string | null;
            /** Visible For Annotators */
            visible_for_annotators?: boolean | null;
        };
        /** MultiLabelSelectionQuestionSettings */
        MultiLabelSelectionQuestionSettings: {
            /** Options */
            options: components["schemas"]["OptionSettings"][];
            /** @default natural */
            options_order?: components["schemas"]["OptionsOrder"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "multi_label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** MultiLabelSelectionQuestionSettingsCreate */
        MultiLabelSelectionQuestionSettingsCreate: {
            /** Options */
            options: components["schemas"]["OptionSettingsCreate"][];
            /** @default natural */
            options_order?: components["schemas"]["OptionsOrder"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "multi_label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** MultiLabelSelectionQuestionSettingsUpdate */
        MultiLabelSelectionQuestionSettingsUpdate: {
            /** Options */
            options?: components["schemas"]["OptionSettings"][] | null;
            options_order?: components["schemas"]["OptionsOrder"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "multi_label_selection";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** OptionSettings */
        OptionSettings: {
            /** Description */
            description?: string | null;
            /** Text */
            text: string;
            /** Value */
            value: string;
        };
        /** OptionSettingsCreate */
        OptionSettingsCreate: {
            /** Description */
            description?: string | null;
            /** Text */
            text: string;
            /** Value */
            value: string;
        };
        /**
         * OptionsOrder
         * @enum {string}
         */
        OptionsOrder: "natural" | "suggestion";
        /** Order */
        Order: {
            order: components["schemas"]["SortOrder"];
            /** Scope */
            scope: components["schemas"]["RecordFilterScope"] | components["schemas"]["ResponseFilterScope"] | components["schemas"]["SuggestionFilterScope"] | components["schemas"]["MetadataFilterScope"];
        };
        /** Provider */
        Provider: {
            /** Name */
            name: string;
        };
        /** Providers */
        Providers: {
            /** Items */
            items: components["schemas"]["Provider"][];
        };
        /** Query */
        Query: {
            text?: components["schemas"]["TextQuery"] | null;
            /** @description Query by vector similarity. Either 'record_id' or 'value' must be provided. Max number of records to return is limited to 1000. */
            vector?: components["schemas"]["VectorQuery"] | null;
        };
        /** Question */
        Question: {
            /**
             * Dataset Id
             * Format: uuid
             */
            dataset_id: string;
            /** Description */
            description?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Name */
            name: string;
            /** Required */
            required: boolean;
            /** Settings */
            settings: components["schemas"]["TextQuestionSettings"] | components["schemas"]["RatingQuestionSettings"] | components["schemas"]["LabelSelectionQuestionSettings"] | components["schemas"]["MultiLabelSelectionQuestionSettings"] | components["schemas"]["RankingQuestionSettings"] | components["schemas"]["SpanQuestionSettings"];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** QuestionCreate */
        QuestionCreate: {
            /** Description */
            description?: string | null;
            /**
             * Name
             * @description The name of the question
             */
            name: string;
            /** Required */
            required?: boolean | null;
            /** Settings */
            settings: components["schemas"]["TextQuestionSettingsCreate"] | components["schemas"]["RatingQuestionSettingsCreate"] | components["schemas"]["LabelSelectionQuestionSettingsCreate"] | components["schemas"]["MultiLabelSelectionQuestionSettingsCreate"] | components["schemas"]["RankingQuestionSettingsCreate"] | components["schemas"]["SpanQuestionSettingsCreate"];
            /**
             * Title
             * @description The title of the question
             */
            title: string;
        };
        /** QuestionUpdate */
        QuestionUpdate: {
            /** Description */
            description?: string | null;
            /** Settings */
            settings?: (components["schemas"]["TextQuestionSettingsUpdate"] | components["schemas"]["RatingQuestionSettingsUpdate"] | components["schemas"]["LabelSelectionSettingsUpdate"] | components["schemas"]["MultiLabelSelectionQuestionSettingsUpdate"] | components["schemas"]["RankingQuestionSettingsUpdate"] | components["schemas"]["SpanQuestionSettingsUpdate"]) | null;
            /** Title */
            title?: string | null;
        };
        /** Questions */
        Questions: {
            /** Items */
            items: components["schemas"]["Question"][];
        };
        /** RangeFilter */
        RangeFilter: {
            /** Ge */
            ge?: number | string | null;
            /** Le */
            le?: number | string | null;
            /** Scope */
            scope: components["schemas"]["RecordFilterScope"] | components["schemas"]["ResponseFilterScope"] | components["schemas"]["SuggestionFilterScope"] | components["schemas"]["MetadataFilterScope"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "range";
        };
        /** RankingQuestionResponseValueItem */
        RankingQuestionResponseValueItem: {
            /** Rank */
            rank?: number | null;
            /** Value */
            value: string;
        };
        /** RankingQuestionSettings */
        RankingQuestionSettings: {
            /** Options */
            options: components["schemas"]["OptionSettings"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ranking";
        };
        /** RankingQuestionSettingsCreate */
        RankingQuestionSettingsCreate: {
            /** Options */
            options: components["schemas"]["OptionSettingsCreate"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ranking";
        };
        /** RankingQuestionSettingsUpdate */
        RankingQuestionSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ranking";
        };
        /** RatingQuestionSettings */
        RatingQuestionSettings: {
            /** Options */
            options: components["schemas"]["RatingQuestionSettingsOption"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rating";
        };
        /** RatingQuestionSettingsCreate */
        RatingQuestionSettingsCreate: {
            /** Options */
            options: components["schemas"]["RatingQuestionSettingsOptionCreate"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rating";
        };
        /** RatingQuestionSettingsOption */
        RatingQuestionSettingsOption: {
            /** Value */
            value: number;
        };
        /** RatingQuestionSettingsOptionCreate */
        RatingQuestionSettingsOptionCreate: {
            /** Value */
            value: number;
        };
        /** RatingQuestionSettingsUpdate */
        RatingQuestionSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "rating";
        };
        /** Record */
        Record: {
            /**
             * Dataset Id
             * Format: uuid
             */
            dataset_id: string;
            /** External Id */
            external_id?: string | null;
            /** Fields */
            fields: Record<string, unknown>;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Responses */
            responses?: components["schemas"]["Response"][] | null;
            status: components["schemas"]["RecordStatus"];
            /** Suggestions */
            suggestions?: components["schemas"]["Suggestion"][] | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Vectors */
            vectors?: {
                [key: string]: number[];
            } | null;
        };
        /** RecordCreate */
        RecordCreate: {
            /** External Id */
            external_id?: string | null;
            /** Fields */
            fields: {
                [key: string]: string | components["schemas"]["ChatFieldValue"][] | Record<string, unknown> | null;
            };
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Responses */
            responses?: (components["schemas"]["UserSubmittedResponseCreate"] | components["schemas"]["UserDraftResponseCreate"] | components["schemas"]["UserDiscardedResponseCreate"])[] | null;
            /** Suggestions */
            suggestions?: components["schemas"]["SuggestionCreate"][] | null;
            /** Vectors */
            vectors?: {
                [key: string]: number[];
            } | null;
        };
        /** RecordFilterScope */
        RecordFilterScope: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            entity: "record";
            /**
             * Property
             * @enum {string}
             */
            property: "id" | "external_id" | "inserted_at" | "updated_at" | "status";
        };
        /** RecordResponseDistribution */
        RecordResponseDistribution: {
            /**
             * Discarded
             * @default 0
             */
            discarded?: number;
            /**
             * Draft
             * @default 0
             */
            draft?: number;
            /**
             * Submitted
             * @default 0
             */
            submitted?: number;
        };
        /**
         * RecordStatus
         * @enum {string}
         */
        RecordStatus: "pending" | "completed";
        /** RecordUpdate */
        RecordUpdate: {
            /** Fields */
            fields?: {
                [key: string]: string | components["schemas"]["ChatFieldValue"][] | Record<string, unknown> | null;
            } | null;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Suggestions */
            suggestions?: components["schemas"]["SuggestionCreate"][] | null;
            /** Vectors */
            vectors?: {
                [key: string]: number[];
            } | null;
        };
        /** RecordUpsert */
        RecordUpsert: {
            /** External Id */
            external_id?: string | null;
            /** Fields */
            fields?: {
                [key: string]: string | components["schemas"]["ChatFieldValue"][] | Record<string, unknown> | null;
            } | null;
            /** Id */
            id?: string | null;
            /** Metadata */
            metadata?: Record<string, unknown> | null;
            /** Responses */
            responses?: (components["schemas"]["UserSubmittedResponseCreate"] | components["schemas"]["UserDraftResponseCreate"] | components["schemas"]["UserDiscardedResponseCreate"])[] | null;
            /** Suggestions */
            suggestions?: components["schemas"]["SuggestionCreate"][] | null;
            /** Vectors */
            vectors?: {
                [key: string]: number[];
            } | null;
        };
        /** Records */
        Records: {
            /** Items */
            items: components["schemas"]["Record"][];
            /** Total */
            total?: number | null;
        };
        /** RecordsBulk */
        RecordsBulk: {
            /** Items */
            items: components["schemas"]["Record"][];
        };
        /** RecordsBulkCreate */
        RecordsBulkCreate: {
            /** Items */
            items: components["schemas"]["RecordCreate"][];
        };
        /** RecordsBulkUpsert */
        RecordsBulkUpsert: {
            /** Items */
            items: components["schemas"]["RecordUpsert"][];
        };
        /** Response */
        Response: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /**
             * Record Id
             * Format: uuid
             */
            record_id: string;
            status: components["schemas"]["ResponseStatus"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValue"];
            } | null;
        };
        /** ResponseBulk */
        ResponseBulk: {
            error?: components["schemas"]["ResponseBulkError"] | null;
            item?: components["schemas"]["Response"] | null;
        };
        /** ResponseBulkError */
        ResponseBulkError: {
            /** Detail */
            detail: string;
        };
        /** ResponseCreate */
        ResponseCreate: {
            status: components["schemas"]["ResponseStatus"];
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueCreate"];
            } | null;
        };
        /** ResponseFilterScope */
        ResponseFilterScope: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            entity: "response";
            /** Property */
            property?: "status" | null;
            /** Question */
            question?: string | null;
        };
        /** ResponseMetrics */
        ResponseMetrics: {
            /** Discarded */
            discarded: number;
            /** Draft */
            draft: number;
            /** Pending */
            pending: number;
            /** Submitted */
            submitted: number;
            /** Total */
            total: number;
        };
        /**
         * ResponseStatus
         * @enum {string}
         */
        ResponseStatus: "draft" | "submitted" | "discarded";
        /** ResponseValue */
        ResponseValue: {
            /** Value */
            value: unknown;
        };
        /** ResponseValueCreate */
        ResponseValueCreate: {
            /** Value */
            value: components["schemas"]["SpanQuestionResponseValueItem"][] | components["schemas"]["RankingQuestionResponseValueItem"][] | string[] | number | string;
        };
        /** ResponseValueUpdate */
        ResponseValueUpdate: {
            /** Value */
            value: components["schemas"]["SpanQuestionResponseValueItem"][] | components["schemas"]["RankingQuestionResponseValueItem"][] | string[] | number | string;
        };
        /** ResponsesBulk */
        ResponsesBulk: {
            /** Items */
            items: components["schemas"]["ResponseBulk"][];
        };
        /** ResponsesBulkCreate */
        ResponsesBulkCreate: {
            /** Items */
            items: (components["schemas"]["SubmittedResponseUpsert"] | components["schemas"]["DiscardedResponseUpsert"] | components["schemas"]["DraftResponseUpsert"])[];
        };
        /** SearchRecord */
        SearchRecord: {
            /** Query Score */
            query_score?: number | null;
            record: components["schemas"]["Record"];
        };
        /** SearchRecordsQuery */
        SearchRecordsQuery: {
            filters?: components["schemas"]["Filters"] | null;
            query?: components["schemas"]["Query"] | null;
            /** Sort */
            sort?: components["schemas"]["Order"][] | null;
        };
        /** SearchRecordsResult */
        SearchRecordsResult: {
            /** Items */
            items: components["schemas"]["SearchRecord"][];
            /**
             * Total
             * @default 0
             */
            total?: number;
        };
        /** SearchSuggestionOptions */
        SearchSuggestionOptions: {
            /** Agents */
            agents: string[];
            question: components["schemas"]["SearchSuggestionOptionsQuestion"];
        };
        /** SearchSuggestionOptionsQuestion */
        SearchSuggestionOptionsQuestion: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** SearchSuggestionsOptions */
        SearchSuggestionsOptions: {
            /** Items */
            items: components["schemas"]["SearchSuggestionOptions"][];
        };
        /** Settings */
        Settings: {
            argilla: components["schemas"]["ArgillaSettings"];
            huggingface?: components["schemas"]["HuggingfaceSettings"] | null;
        };
        /**
         * SimilarityOrder
         * @enum {string}
         */
        SimilarityOrder: "most_similar" | "least_similar";
        /**
         * SortOrder
         * @enum {string}
         */
        SortOrder: "asc" | "desc";
        /** SpanQuestionResponseValueItem */
        SpanQuestionResponseValueItem: {
            /** End */
            end: number;
            /** Label */
            label: string;
            /** Start */
            start: number;
        };
        /** SpanQuestionSettings */
        SpanQuestionSettings: {
            /**
             * Allow Character Annotation
             * @description Allow character-level annotation
             * @default true
             */
            allow_character_annotation?: boolean;
            /**
             * Allow Overlapping
             * @description Allow spans overlapping
             * @default false
             */
            allow_overlapping?: boolean;
            /** Field */
            field: string;
            /** Options */
            options: components["schemas"]["OptionSettings"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "span";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** SpanQuestionSettingsCreate */
        SpanQuestionSettingsCreate: {
            /**
             * Allow Overlapping
             * @default false
             */
            allow_overlapping?: boolean;
            /**
             * Field
             * @description The name of the field
             */
            field: string;
            /** Options */
            options: components["schemas"]["OptionSettingsCreate"][];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "span";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** SpanQuestionSettingsUpdate */
        SpanQuestionSettingsUpdate: {
            /** Allow Overlapping */
            allow_overlapping?: boolean | null;
            /** Options */
            options?: components["schemas"]["OptionSettings"][] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "span";
            /** Visible Options */
            visible_options?: number | null;
        };
        /** Status */
        Status: {
            /** Memory */
            memory: Record<string, unknown>;
            /** Search Engine */
            search_engine: Record<string, unknown>;
            /** Version */
            version: string;
        };
        /** SubmittedResponseUpdate */
        SubmittedResponseUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "submitted";
            /** Values */
            values: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            };
        };
        /** SubmittedResponseUpsert */
        SubmittedResponseUpsert: {
            /**
             * Record Id
             * Format: uuid
             */
            record_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "submitted";
            /** Values */
            values: {
                [key: string]: components["schemas"]["ResponseValueUpdate"];
            };
        };
        /** Suggestion */
        Suggestion: {
            /** Agent */
            agent?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /**
             * Question Id
             * Format: uuid
             */
            question_id: string;
            /** Score */
            score?: number | number[] | null;
            type?: components["schemas"]["SuggestionType"] | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Value */
            value: unknown;
        };
        /** SuggestionCreate */
        SuggestionCreate: {
            /**
             * Agent
             * @description Agent used to generate the suggestion
             */
            agent?: string | null;
            /**
             * Question Id
             * Format: uuid
             */
            question_id: string;
            /**
             * Score
             * @description The score assigned to the suggestion
             */
            score?: number | number[] | null;
            type?: components["schemas"]["SuggestionType"] | null;
            /** Value */
            value: components["schemas"]["SpanQuestionResponseValueItem"][] | components["schemas"]["RankingQuestionResponseValueItem"][] | string[] | number | string;
        };
        /** SuggestionFilterScope */
        SuggestionFilterScope: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            entity: "suggestion";
            /**
             * Property
             * @default value
             */
            property?: ("value" | "score" | "agent" | "type") | null;
            /**
             * Question
             * @description The name of the question
             */
            question: string;
        };
        /**
         * SuggestionType
         * @enum {string}
         */
        SuggestionType: "model" | "human";
        /** Suggestions */
        Suggestions: {
            /** Items */
            items: components["schemas"]["Suggestion"][];
        };
        /** TermCount */
        TermCount: {
            /** Count */
            count: number;
            /** Term */
            term: unknown;
        };
        /** TermsFilter */
        TermsFilter: {
            /** Scope */
            scope: components["schemas"]["RecordFilterScope"] | components["schemas"]["ResponseFilterScope"] | components["schemas"]["SuggestionFilterScope"] | components["schemas"]["MetadataFilterScope"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "terms";
            /** Values */
            values: string[];
        };
        /** TermsMetadataMetrics */
        TermsMetadataMetrics: {
            /** Total */
            total: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "terms";
            /** Values */
            values?: components["schemas"]["TermCount"][];
        };
        /** TermsMetadataProperty */
        TermsMetadataProperty: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "terms";
            /** Values */
            values?: unknown[] | null;
        };
        /** TermsMetadataPropertyCreate */
        TermsMetadataPropertyCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "terms";
            /** Values */
            values?: unknown[] | null;
        };
        /** TextFieldSettings */
        TextFieldSettings: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /** Use Markdown */
            use_markdown: boolean;
        };
        /** TextFieldSettingsCreate */
        TextFieldSettingsCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /**
             * Use Markdown
             * @default false
             */
            use_markdown?: boolean;
        };
        /** TextFieldSettingsUpdate */
        TextFieldSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /** Use Markdown */
            use_markdown: boolean;
        };
        /** TextQuery */
        TextQuery: {
            /** Field */
            field?: string | null;
            /** Q */
            q: string;
        };
        /** TextQuestionSettings */
        TextQuestionSettings: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /**
             * Use Markdown
             * @default false
             */
            use_markdown?: boolean;
        };
        /** TextQuestionSettingsCreate */
        TextQuestionSettingsCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /**
             * Use Markdown
             * @default false
             */
            use_markdown?: boolean;
        };
        /** TextQuestionSettingsUpdate */
        TextQuestionSettingsUpdate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /** Use Markdown */
            use_markdown?: boolean | null;
        };
        /**
         * Token
         * @description Token response model
         */
        Token: {
            /** Access Token */
            access_token: string;
            /**
             * Token Type
             * @default bearer
             */
            token_type?: string;
        };
        /** User */
        User: {
            /** Api Key */
            api_key: string;
            /** First Name */
            first_name: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Last Name */
            last_name?: string | null;
            role: components["schemas"]["UserRole"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Username */
            username: string;
        };
        /** UserCreate */
        UserCreate: {
            /**
             * First Name
             * @description The first name for the user
             */
            first_name: string;
            /** Id */
            id?: string | null;
            /** Last Name */
            last_name?: string | null;
            /**
             * Password
             * @description The password for the user
             */
            password: string;
            role?: components["schemas"]["UserRole"] | null;
            /**
             * Username
             * @description The username for the user
             */
            username: string;
        };
        /** UserDiscardedResponseCreate */
        UserDiscardedResponseCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "discarded";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Values */
            values?: {
                [key: string]: components["schemas"]["ResponseValueCreate"];
            } | null;
        };
        /** UserDraftResponseCreate */
        UserDraftResponseCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "draft";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Values */
            values: {
                [key: string]: components["schemas"]["ResponseValueCreate"];
            };
        };
        /** UserProgress */
        UserProgress: {
            /**
             * @default {
             *       "discarded": 0,
             *       "draft": 0,
             *       "submitted": 0
             *     }
             */
            completed?: components["schemas"]["RecordResponseDistribution"];
            /**
             * @default {
             *       "discarded": 0,
             *       "draft": 0,
             *       "submitted": 0
             *     }
             */
            pending?: components["schemas"]["RecordResponseDistribution"];
            /** Username */
            username: string;
        };
        /**
         * UserRole
         * @enum {string}
         */
        UserRole: "owner" | "admin" | "annotator";
        /** UserSubmittedResponseCreate */
        UserSubmittedResponseCreate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "submitted";
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Values */
            values: {
                [key: string]: components["schemas"]["ResponseValueCreate"];
            };
        };
        /** UserUpdate */
        UserUpdate: {
            /** First Name */
            first_name?: string | null;
            /** Last Name */
            last_name?: string | null;
            /** Password */
            password?: string | null;
            role?: components["schemas"]["UserRole"] | null;
            /** Username */
            username?: string | null;
        };
        /** Users */
        Users: {
            /** Items */
            items: components["schemas"]["User"][];
        };
        /** UsersProgress */
        UsersProgress: {
            /** Users */
            users: components["schemas"]["UserProgress"][];
        };
        /** VectorQuery */
        VectorQuery: {
            /** Name */
            name: string;
            /** @default most_similar */
            order?: components["schemas"]["SimilarityOrder"];
            /** Record Id */
            record_id?: string | null;
            /** Value */
            value?: number[] | null;
        };
        /** VectorSettings */
        VectorSettings: {
            /**
             * Dataset Id
             * Format: uuid
             */
            dataset_id: string;
            /** Dimensions */
            dimensions: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Name */
            name: string;
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** VectorSettingsCreate */
        VectorSettingsCreate: {
            /** Dimensions */
            dimensions: number;
            /**
             * Name
             * @description The title of the vector settings
             */
            name: string;
            /**
             * Title
             * @description The title of the vector settings
             */
            title: string;
        };
        /** VectorSettingsUpdate */
        VectorSettingsUpdate: {
            /** Title */
            title: string | null;
        };
        /** VectorsSettings */
        VectorsSettings: {
            /** Items */
            items: components["schemas"]["VectorSettings"][];
        };
        /** Version */
        Version: {
            /** Version */
            version: string;
        };
        /** Webhook */
        Webhook: {
            /** Description */
            description?: string | null;
            /** Enabled */
            enabled: boolean;
            /** Events */
            events: components["schemas"]["WebhookEvent"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Secret */
            secret: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Url */
            url: string;
        };
        /** WebhookCreate */
        WebhookCreate: {
            /** Description */
            description?: string | null;
            /** Events */
            events: components["schemas"]["WebhookEvent"][];
            /**
             * Url
             * Format: uri
             */
            url: string;
        };
        /**
         * WebhookEvent
         * @enum {string}
         */
        WebhookEvent: "dataset.created" | "dataset.updated" | "dataset.deleted" | "dataset.published" | "record.created" | "record.updated" | "record.deleted" | "record.completed" | "response.created" | "response.updated" | "response.deleted";
        /** WebhookUpdate */
        WebhookUpdate: {
            /** Description */
            description?: string | null;
            /** Enabled */
            enabled?: boolean | null;
            /** Events */
            events?: components["schemas"]["WebhookEvent"][] | null;
            /** Url */
            url?: string | null;
        };
        /** Webhooks */
        Webhooks: {
            /** Items */
            items: components["schemas"]["Webhook"][];
        };
        /** Workspace */
        Workspace: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Inserted At
             * Format: date-time
             */
            inserted_at: string;
            /** Name */
            name: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** WorkspaceCreate */
        WorkspaceCreate: {
            /** Id */
            id?: string | null;
            /** Name */
            name: string;
        };
        /** WorkspaceUserCreate */
        WorkspaceUserCreate: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
        };
        /** Workspaces */
        Workspaces: {
            /** Items */
            items: components["schemas"]["Workspace"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    create_dataset_datasets_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_dataset_datasets__dataset_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_dataset_datasets__dataset_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_dataset_datasets__dataset_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    export_dataset_to_hub_datasets__dataset_id__export_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HubDatasetExport"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_dataset_fields_datasets__dataset_id__fields_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fields"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_dataset_field_datasets__dataset_id__fields_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Field"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    import_dataset_from_hub_datasets__dataset_id__import_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HubDataset"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_dataset_metadata_property_datasets__dataset_id__metadata_properties_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MetadataPropertyCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadataProperty"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_dataset_progress_datasets__dataset_id__progress_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetProgress"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    publish_dataset_datasets__dataset_id__publish_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_dataset_questions_datasets__dataset_id__questions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Questions"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_dataset_question_datasets__dataset_id__questions_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_dataset_records_datasets__dataset_id__records_get: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
                include?: string[] | null;
            };
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Records"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_dataset_records_datasets__dataset_id__records_delete: {
        parameters: {
            query: {
                /** @description A comma separated list with the IDs of the records to be removed */
                ids: string;
            };
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    upsert_dataset_records_bulk_datasets__dataset_id__records_bulk_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordsBulkUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordsBulk"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_dataset_records_bulk_datasets__dataset_id__records_bulk_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordsBulkCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordsBulk"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    search_dataset_records_datasets__dataset_id__records_search_post: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
                include?: string[] | null;
            };
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchRecordsQuery"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchRecordsResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_dataset_records_search_suggestions_options_datasets__dataset_id__records_search_suggestions_options_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchSuggestionsOptions"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_dataset_users_progress_datasets__dataset_id__users_progress_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsersProgress"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_dataset_vector_settings_datasets__dataset_id__vectors_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VectorsSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_dataset_vector_settings_datasets__dataset_id__vectors_settings_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VectorSettingsCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VectorSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_field_fields__field_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                field_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Field"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_field_fields__field_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                field_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FieldUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Field"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_job_jobs__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_current_user_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_current_user_datasets_me_datasets_get: {
        parameters: {
            query?: {
                /** @description Filter by workspace_id */
                workspace_id?: string | null;
                /** @description Filter by dataset name */
                name?: string | null;
                /** @description Filter by dataset status */
                status?: components["schemas"]["DatasetStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Datasets"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_current_user_dataset_metadata_properties_me_datasets__dataset_id__metadata_properties_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadataProperties"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_current_user_dataset_metrics_me_datasets__dataset_id__metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetMetrics"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    search_current_user_dataset_records_me_datasets__dataset_id__records_search_post: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
                include?: string[] | null;
            };
            header?: never;
            path: {
                dataset_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchRecordsQuery"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchRecordsResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_current_user_responses_bulk_me_responses_bulk_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsesBulkCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsesBulk"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_workspaces_me_me_workspaces_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspaces"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_metadata_property_metadata_properties__metadata_property_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metadata_property_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadataProperty"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_metadata_property_metadata_properties__metadata_property_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metadata_property_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MetadataPropertyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadataProperty"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_metadata_property_metrics_metadata_properties__metadata_property_id__metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                metadata_property_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TermsMetadataMetrics"] | components["schemas"]["IntegerMetadataMetrics"] | components["schemas"]["FloatMetadataMetrics"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_providers_oauth2_providers_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Providers"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_access_token_oauth2_providers__provider__access_token_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_authentication_oauth2_providers__provider__authentication_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_question_questions__question_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_question_questions__question_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Question"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_record_records__record_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_record_records__record_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_record_records__record_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_record_response_records__record_id__responses_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_record_suggestions_records__record_id__suggestions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestions"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    upsert_suggestion_records__record_id__suggestions_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestionCreate"];
            };
        };
        responses: {
            /** @description Suggestion updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"];
                };
            };
            /** @description Suggestion created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_record_suggestions_records__record_id__suggestions_delete: {
        parameters: {
            query: {
                /** @description A comma separated list with the IDs of the suggestions to be removed */
                ids: string;
            };
            header?: never;
            path: {
                record_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_response_responses__response_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                response_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmittedResponseUpdate"] | components["schemas"]["DiscardedResponseUpdate"] | components["schemas"]["DraftResponseUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_response_responses__response_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_settings_settings_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_status_status_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Status"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_suggestion_suggestions__suggestion_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suggestion_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_token_token_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["Body_create_token_token_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_users_users_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Users"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_user_users_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_user_users__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_user_users__user_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_user_users__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_user_workspaces_users__user_id__workspaces_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspaces"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_vector_settings_vectors_settings__vector_settings_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vector_settings_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VectorSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_vector_settings_vectors_settings__vector_settings_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vector_settings_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VectorSettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VectorSettings"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_version_version_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Version"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_webhooks_webhooks_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhooks"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_webhook_webhooks_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_webhook_webhooks__webhook_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    update_webhook_webhooks__webhook_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    ping_webhook_webhooks__webhook_id__ping_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_workspace_workspaces_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    get_workspace_workspaces__workspace_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_workspace_workspaces__workspace_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    list_workspace_users_workspaces__workspace_id__users_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Users"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    create_workspace_user_workspaces__workspace_id__users_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceUserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
    delete_workspace_user_workspaces__workspace_id__users__user_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::MissingDatasetRecordsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ForbiddenOperationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityNotFoundError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::EntityAlreadyExistsError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "argilla.api.errors::ValidationError",
                     *         "params": {
                     *           "extra": "error parameters"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
            /** @description Internal Server Error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": {
                     *         "code": "builtins.TypeError"
                     *       }
                     *     }
                     */
                    "application/json": unknown;
                };
            };
        };
    };
}
