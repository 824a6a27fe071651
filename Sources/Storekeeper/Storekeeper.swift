// The umbrella module: `import Storekeeper` brings in every module except StorekeeperTesting.

@_exported public import StorekeeperAPI
@_exported public import StorekeeperCatalog
@_exported public import StorekeeperCore
@_exported public import StorekeeperJSON
@_exported public import StorekeeperKeys
@_exported public import StorekeeperPagination
@_exported public import StorekeeperRateLimit
@_exported public import StorekeeperSchema
@_exported public import StorekeeperWebhooks
