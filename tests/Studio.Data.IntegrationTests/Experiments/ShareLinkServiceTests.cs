using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Data.Workspaces;

namespace Studio.Data.IntegrationTests.Experiments;

public sealed class ShareLinkServiceTests : IAsyncLifetime
{
    private TempStore _store = null!;
    private readonly SettableTime _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private ShareLinkService _links = null!;
    private int _experimentId;

    public async Task InitializeAsync()
    {
        _store = await TempStore.CreateAsync();
        _links = new ShareLinkService(_store.Contexts, _time);
        await using var context = await _store.Contexts.CreateDbContextAsync();
        var workspace = new Workspace { Name = "W", CreatedAt = _time.GetUtcNow() };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        var dataset = new Dataset { Name = "log", WorkspaceId = workspace.Id, TableName = DatasetTableStore.NewTableName(), CreatedAt = _time.GetUtcNow() };
        context.Datasets.Add(dataset);
        await context.SaveChangesAsync();
        var experiment = await new ExperimentRepository(_store.Contexts, _time).AddAsync(new ExperimentDefinition
        {
            WorkspaceId = workspace.Id, Name = "e", DatasetId = dataset.Id, DatasetVersion = 1, MappingJson = "{}", ControlVariant = "control", SpecOptionsJson = "{}",
        });
        _experimentId = experiment.Id;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Create_NewLink_StoresOnlyTheSha256OfA32ByteToken()
    {
        var link = await _links.CreateAsync(_experimentId, null);
        var raw = Convert.FromBase64String(link.Token.Replace('-', '+').Replace('_', '/') + "=");
        Assert.Equal(32, raw.Length);
        Assert.Equal(43, link.Token.Length);
        await using var context = await _store.Contexts.CreateDbContextAsync();
        var stored = await context.ShareLinks.SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(link.Token)), stored.TokenHash);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM ShareLinks WHERE instr(CAST(TokenHash AS TEXT), $t) > 0";
        var p = command.CreateParameter();
        p.ParameterName = "$t";
        p.Value = link.Token;
        command.Parameters.Add(p);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(new ShareLinkResolution(ShareLinkStatus.Valid, _experimentId), await _links.ResolveAsync(link.Token));
    }

    [Fact]
    public async Task Resolve_TwoLinks_TokensDifferAndUnknownTokenIsUnknown()
    {
        var a = await _links.CreateAsync(_experimentId, null);
        var b = await _links.CreateAsync(_experimentId, null);
        Assert.NotEqual(a.Token, b.Token);
        Assert.Equal(ShareLinkStatus.Unknown, (await _links.ResolveAsync(a.Token[..^1] + (a.Token[^1] == 'A' ? 'B' : 'A'))).Status);
        Assert.Equal(ShareLinkStatus.Unknown, (await _links.ResolveAsync("")).Status);
    }

    [Fact]
    public async Task Revoke_ActiveLink_ResolvesAsRevokedWithoutExperiment()
    {
        var link = await _links.CreateAsync(_experimentId, null);
        Assert.True(await _links.RevokeAsync(_experimentId, link.Id));
        Assert.Equal(new ShareLinkResolution(ShareLinkStatus.Revoked, null), await _links.ResolveAsync(link.Token));
        Assert.False(await _links.RevokeAsync(_experimentId + 1, link.Id));
    }

    [Fact]
    public async Task Resolve_AfterExpiry_Expired()
    {
        var link = await _links.CreateAsync(_experimentId, _time.GetUtcNow().AddHours(1));
        _time.Now = _time.Now.AddMinutes(59);
        Assert.Equal(ShareLinkStatus.Valid, (await _links.ResolveAsync(link.Token)).Status);
        _time.Now = _time.Now.AddMinutes(1);
        Assert.Equal(new ShareLinkResolution(ShareLinkStatus.Expired, null), await _links.ResolveAsync(link.Token));
    }

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
