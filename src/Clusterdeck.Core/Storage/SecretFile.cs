namespace Clusterdeck.Core.Storage;

/// <summary>Writes small files only their owner may read (mode 0600), atomically: a temporary file renamed into place.</summary>
public static class SecretFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>. Without <paramref name="overwrite"/>, an
    /// existing file is left untouched and the result is false, so two processes starting together cannot
    /// replace each other's secret. A crash leaves at most a stray temporary file, never a truncated one.
    /// </summary>
    public static bool Write(string path, string content, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // Same directory as the target, so the final move is a rename within one file system.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created with the final mode rather than chmod-ed later, so the secret is never readable by others.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite);
                return true;
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
