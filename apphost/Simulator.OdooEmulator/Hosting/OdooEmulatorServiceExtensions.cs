using Simulator.OdooEmulator.Attachments;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Diagnostics;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Models.Attachments;
using Simulator.OdooEmulator.Models.Countries;
using Simulator.OdooEmulator.Models.Partners;
using Simulator.OdooEmulator.Models.Products;
using Simulator.OdooEmulator.Models.Sales;
using Simulator.OdooEmulator.Models.Stock;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Rpc.Services;
using Simulator.OdooEmulator.Rpc.Json2;
using Simulator.OdooEmulator.Rpc.XmlRpc;
using Simulator.OdooEmulator.Sessions;
using Simulator.OdooEmulator.Security;
using Simulator.OdooEmulator.Tenants;
using Simulator.OdooEmulator.Web;
using Simulator.OdooEmulator.Workers;

namespace Simulator.OdooEmulator.Hosting;

/// <summary>Registers the emulator's services.</summary>
internal static class OdooEmulatorServiceExtensions
{
    public static WebApplicationBuilder AddOdooEmulator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LoopbackUrls.Apply(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Options are read when first needed, so test hosts can still override configuration.
        services.AddSingleton(provider => LoadOptions(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => new RetryBackoff(provider.GetRequiredService<OdooEmulatorOptions>().Retry));
        services.AddSingleton<TenantDatabases>();
        services.AddSingleton<EmulatorMetrics>();
        services.AddHttpClient(nameof(S3Client));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<OdooEmulatorOptions>();
            var s3 = options.S3.IsConfigured
                ? new S3Client(options.S3, provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(S3Client)), provider.GetRequiredService<TimeProvider>())
                : null;
            return new AttachmentStorage(s3);
        });
        services.AddSingleton<TransactionRunner>();
        services.AddSingleton<WorkerPool>();

        services.AddSingleton<OdooModel, ResCountryModel>();
        services.AddSingleton<OdooModel, ResPartnerModel>();
        services.AddSingleton<OdooModel, ProductProductModel>();
        services.AddSingleton<OdooModel, SaleOrderModel>();
        services.AddSingleton<OdooModel, SaleOrderLineModel>();
        services.AddSingleton<OdooModel, IrAttachmentModel>();
        services.AddSingleton<OdooModel, StockWarehouseModel>();
        services.AddSingleton<OdooModel, StockLocationModel>();
        services.AddSingleton<OdooModel, StockPickingTypeModel>();
        services.AddSingleton<OdooModel, StockQuantModel>();
        services.AddSingleton<OdooModel, StockPickingModel>();
        services.AddSingleton<OdooModel, StockMoveModel>();
        services.AddSingleton<OdooModel, StockMoveLineModel>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ModelExecutor>();

        services.AddSingleton<Credentials>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<ISessionStore>(provider =>
        {
            var options = provider.GetRequiredService<OdooEmulatorOptions>();
            return string.IsNullOrWhiteSpace(options.Redis) ? new InMemorySessionStore() : new RedisSessionStore(options);
        });
        services.AddSingleton<WebSessionRoutes>();
        services.AddSingleton<Json2Handler>();
        services.AddSingleton<IRpcService, CommonService>();
        services.AddSingleton<IRpcService, ObjectService>();
        services.AddSingleton<RpcDispatcher>();
        services.AddSingleton<ExceptionTranslator>();
        services.AddSingleton<RpcErrorReporter>();
        services.AddSingleton<JsonRpcHandler>();
        services.AddSingleton<XmlRpcHandler>();
        services.AddSingleton<DatabaseHealthProbe>();
        services.AddHostedService<TenantSchemaInitializer>();
        return builder;
    }

    /// <summary>Reads and validates the options, reporting every problem at once.</summary>
    private static OdooEmulatorOptions LoadOptions(IConfiguration configuration)
    {
        var options = OdooEmulatorOptions.From(configuration);
        var errors = options.Validate();
        return errors.Count == 0
            ? options
            : throw new InvalidOperationException("Invalid Odoo emulator configuration:" + Environment.NewLine + " - "
                + string.Join(Environment.NewLine + " - ", errors));
    }
}
