using System.Collections.Concurrent;
using DaiChain.Ledger.Encoding;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// This validator's finished evaluations, on disk (one file per <see cref="EvaluationKey"/>) and in memory, so a
/// restart never evaluates the same model on the same benchmark again.
/// </summary>
/// <remarks>
/// A file is written to a temporary name, flushed to disk and renamed, so a crash leaves either the whole result or
/// none. A file that does not decode, or whose key does not match, is ignored (and evaluated again). Thread-safe.
/// </remarks>
public sealed class EvaluationCache
{
    private const string Extension = ".eval";

    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<EvaluationKey, StoredEvaluation> _memory = new();

    public EvaluationCache(string directory, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The stored evaluation of <paramref name="key"/>, from memory or disk.</summary>
    public StoredEvaluation? TryGet(EvaluationKey key)
    {
        if (_memory.TryGetValue(key, out var known))
        {
            return known;
        }

        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = Canonical.Decode<StoredEvaluation>(File.ReadAllBytes(path));
            if (stored.Result.ModelHash != key.Artifact || stored.Benchmark != key.Benchmark || stored.Result.EvaluatorVersion != key.EvaluatorVersion)
            {
                _logger.LogWarning("evaluation cache file {Path} holds another evaluation; ignoring it", path);
                return null;
            }

            _memory[key] = stored;
            return stored;
        }
        catch (Exception e) when (e is CodecException or IOException)
        {
            _logger.LogWarning("evaluation cache file {Path} is unreadable ({Reason}); evaluating again", path, e.Message);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="stored"/> under <paramref name="key"/>, durably.</summary>
    public void Save(EvaluationKey key, StoredEvaluation stored)
    {
        var path = PathOf(key);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Canonical.Encode(stored));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        _memory[key] = stored;
    }

    private string PathOf(EvaluationKey key) => Path.Combine(_directory, key.FileName() + Extension);
}
