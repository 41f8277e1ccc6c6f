using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.Configuration;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Hosting;

/// <summary>Everything <see cref="NodeHost"/> is built from: the home, its config and genesis, the mode, the keys and the chain rules.</summary>
public sealed record NodeHostSettings
{
    public required NodeHome Home { get; init; }

    public required NodeConfig Config { get; init; }

    public required NodeMode Mode { get; init; }

    public required GenesisDocument Genesis { get; init; }

    public required ChainRules Rules { get; init; }

    public required NodeKeys Keys { get; init; }

    public required ILoggerFactory Loggers { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IReadOnlyList<INodeExtension> Extensions { get; init; } = [];
}
