using DaiChain.Node.Configuration;

namespace DaiChain.Node.Tests.Configuration;

public sealed class NodeConfigFileTests
{
    [Fact]
    public void A_written_config_reads_back_with_the_same_values()
    {
        var config = new NodeConfig { Mode = "audit", Moniker = "auditor-7" };
        config.P2p.PersistentPeers = ["02" + new string('a', 64) + "@127.0.0.1:26657"];
        config.Consensus.CommitTimeoutMs = 0;
        config.Storage.SyncCommits = false;
        config.Keys.ValidatorKeyFile = null;

        var text = NodeConfigFile.Write(config);
        var read = NodeConfigFile.Parse(text, "test");

        Assert.Equal(text, NodeConfigFile.Write(read));
        Assert.Equal("audit", read.Mode);
        Assert.Equal(0, read.Consensus.CommitTimeoutMs);
        Assert.Null(read.Consensus.ProposeTimeoutMs);
        Assert.Null(read.Keys.ValidatorKeyFile);
        Assert.Single(read.P2p.PersistentPeers);
    }

    [Fact]
    public void Every_setting_in_the_written_file_has_a_comment_above_it()
    {
        var lines = NodeConfigFile.Write(new NodeConfig()).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('"') && !line.EndsWith('{'))
            {
                Assert.StartsWith("//", lines[i - 1].Trim());
            }
        }
    }

    [Fact]
    public void Settings_left_out_take_their_defaults()
    {
        var read = NodeConfigFile.Parse("{ // nothing set\n \"rpc\": { \"listen_address\": \"127.0.0.1:9000\", }, }", "test");

        Assert.Equal("127.0.0.1:9000", read.Rpc.ListenAddress);
        Assert.Equal(new NodeConfig().Rpc.MaxBatchSize, read.Rpc.MaxBatchSize);
        Assert.Equal("validator", read.Mode);
    }

    [Fact]
    public void An_unknown_setting_is_refused_with_its_path()
    {
        var error = Assert.Throws<NodeConfigException>(() => NodeConfigFile.Parse("{ \"p2p\": { \"listen_adress\": \"x\" } }", "config.json"));

        Assert.Contains("listen_adress", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_out_of_range_value_is_named()
    {
        var error = Assert.Throws<NodeConfigException>(() => NodeConfigFile.Parse(
            "{ \"mode\": \"miner\", \"sync\": { \"window\": 0 }, \"rpc\": { \"listen_address\": \"nowhere\" }, \"p2p\": { \"persistent_peers\": [\"bad\"] } }", "c"));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("mode is 'miner'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("sync.window is 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("rpc.listen_address", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("p2p.persistent_peers entry 'bad'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:8645", true)]
    [InlineData("localhost:1", true)]
    [InlineData("[::1]:8645", true)]
    [InlineData("example.com:80", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.1:70000", false)]
    public void Endpoints_are_ip_and_port(string text, bool valid) =>
        Assert.Equal(valid, NodeConfigFile.TryParseEndPoint(text, out _));
}
