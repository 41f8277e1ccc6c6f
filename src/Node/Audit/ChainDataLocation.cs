using System.Text.Json;

namespace DaiChain.Node.Audit;

/// <summary>
/// Where an offline audit finds a node's chain: the genesis file and the chain database, from <c>--home</c> (a node's
/// home: <c>genesis.json</c>, <c>config.json</c>'s <c>storage.data_dir</c>, default <c>data</c>) or <c>--data</c> (a data
/// folder holding <c>chain/</c>, or the chain database itself).
/// </summary>
internal sealed record ChainDataLocation(string DatabasePath, string? GenesisPath)
{
    /// <summary>The data folder of a node home, as config.json names it (relative to the home unless absolute).</summary>
    public static ChainDataLocation FromHome(string home)
    {
        var root = Path.GetFullPath(home);
        if (!Directory.Exists(root))
        {
            throw new Cli.CommandException($"{root} does not exist; --home names a node's home directory (where config.json and genesis.json are)");
        }

        var dataDir = "data";
        var config = Path.Combine(root, "config.json");
        if (File.Exists(config))
        {
            dataDir = ReadDataDir(config) ?? dataDir;
        }

        var data = Path.IsPathRooted(dataDir) ? dataDir : Path.Combine(root, dataDir);
        return new ChainDataLocation(Path.Combine(data, "chain"), Path.Combine(root, "genesis.json"));
    }

    /// <summary>A data folder (holding <c>chain/</c>) or a chain database directory.</summary>
    public static ChainDataLocation FromData(string data)
    {
        var path = Path.GetFullPath(data);
        if (File.Exists(Path.Combine(path, "CURRENT")))
        {
            return new ChainDataLocation(path, null);
        }

        return new ChainDataLocation(Path.Combine(path, "chain"), null);
    }

    private static string? ReadDataDir(string configPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.TryGetProperty("storage", out var storage) && storage.ValueKind == JsonValueKind.Object
                && storage.TryGetProperty("data_dir", out var dir) && dir.ValueKind == JsonValueKind.String
                ? dir.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new Cli.CommandException($"{configPath} is not valid JSON: {e.Message}", e);
        }
    }
}
