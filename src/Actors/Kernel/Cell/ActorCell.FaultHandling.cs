using RSerPool.Actors.Kernel.Dispatch;

namespace RSerPool.Actors.Kernel;

/// <summary>
/// Failure, supervision, restart and stop (actor-kernel.md §4): a failing actor suspends itself and its children and
/// reports <see cref="Failed"/> with its uid; the parent's strategy resumes, restarts (fresh instance, mailbox kept,
/// failing message dropped), stops, or escalates by failing itself with the same cause.
/// </summary>
internal sealed partial class ActorCell
{
    private void HandleInvokeFailure(Exception cause, object? message, IActorRef? perpetrator)
    {
        if ((_flags & (TerminatingFlag | TerminatedFlag)) != 0)
        {
            Log.Error(cause, "Failure while {ActorPath} is terminating; ignored", _self.Path.ToString());
            return;
        }

        if ((_flags & FailedFlag) != 0)
        {
            Log.Error(cause, "Further failure while waiting for the supervisor's decision; ignored");
            return;
        }

        _flags |= FailedFlag;
        Mailbox.Suspend();
        SuspendChildren(except: perpetrator);
        var extras = Extras;
        extras.FailedMessage = message;
        extras.FailedPerpetrator = perpetrator;
        _parent.SendSystemMessage(new Failed(_self, cause, _self.Uid));
    }

    private void HandleFailed(Failed failed)
    {
        if (IsTerminating)
            return; // the child is being stopped anyway
        var stats = TryGetChildStats(failed.Child);
        if (stats is null || stats.Child.Uid != failed.Uid)
        {
            Log.Debug("Dropped a failure report from an older incarnation of {Child}", failed.Child.Path.ToString());
            return;
        }

        var strategy = _props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, stats, failed.Cause, ChildStatsSnapshot()))
            HandleInvokeFailure(failed.Cause, null, perpetrator: failed.Child); // Escalate: fail with the same cause
    }

    internal void ResumeChild(IActorRef child, Exception cause) =>
        InternalActorRef.SendSystem(child, new Resume(cause));

    internal void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
            InternalActorRef.SendSystem(child, new Suspend());
        InternalActorRef.SendSystem(child, new Recreate(cause));
    }

    private void HandleSuspend()
    {
        Mailbox.Suspend();
        SuspendChildren(except: null);
    }

    private void HandleResume(Exception? causedByFailure)
    {
        if (IsTerminating)
            return;
        if (_actor is null && causedByFailure is not null)
        {
            // Resuming an actor whose creation failed means creating it.
            HandleRecreate(causedByFailure);
            return;
        }

        var perpetrator = _extras?.FailedPerpetrator;
        Mailbox.Resume();
        if (causedByFailure is not null)
            ClearFailed();
        ResumeChildren(causedByFailure, perpetrator);
    }

    private void HandleRecreate(Exception cause)
    {
        if (IsTerminating)
            return;
        var failedActor = _actor;
        var extras = Extras;
        if (failedActor is not null)
        {
            extras.Timers?.CancelAll();
            UnstashAllForRestart();
            try
            {
                failedActor.InvokePreRestart(cause, extras.FailedMessage);
            }
            catch (Exception ex) when (!IsFatal(ex))
            {
                Log.Error(ex, "PreRestart failed; restart continues");
            }
        }

        _actor = null;
        _behavior = null;
        extras.FailedMessage = null;
        if (HasChildrenToDie)
            extras.PendingRecreateCause = cause; // FinishRecreate runs when the last stopped child has terminated
        else
            FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        var extras = Extras;
        extras.PendingRecreateCause = null;
        var survivors = ChildStatsSnapshot();
        Mailbox.Resume();
        ClearFailed();
        try
        {
            CreateNewActor();
            _actor!.InvokePostRestart(cause);
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            HandleInvokeFailure(new ActorInitializationException(_self, $"Exception while restarting actor {_self.Path}: {ex.Message}", ex), null, null);
            return;
        }

        foreach (var survivor in survivors)
            survivor.Child.SendSystemMessage(new Recreate(cause));
    }

    private void ClearFailed()
    {
        _flags &= ~FailedFlag;
        if (_extras is { } extras)
            extras.FailedPerpetrator = null;
    }

    private void HandleTerminate()
    {
        if (IsTerminating)
            return;
        var extras = Extras;
        lock (extras.ChildrenGate)
            _flags |= TerminatingFlag;
        CancelReceiveTimeout();
        Mailbox.Suspend(); // no user message is processed while children stop
        foreach (var stats in ChildStatsSnapshot())
        {
            (extras.ToDie ??= []).Add(stats.Child);
            stats.Child.SendSystemMessage(new Terminate());
        }

        if (!HasChildrenToDie)
            FinishTerminate();
    }

    private void FinishTerminate()
    {
        if ((_flags & TerminatedFlag) != 0)
            return;
        _flags |= TerminatedFlag;
        var actor = _actor;
        try
        {
            _extras?.Timers?.CancelAll();
            if (actor is not null)
                actor.InvokePostStop();
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            Log.Error(ex, "PostStop failed; termination continues");
        }

        if (actor is IDisposable disposable)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception ex) when (!IsFatal(ex))
            {
                Log.Error(ex, "Dispose failed; termination continues");
            }
        }

        DeadLetterStash();
        Mailbox.Close();
        _system.EventStream.UnsubscribeTerminated(_self);
        _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
        TellWatchersWeDied();
        UnwatchWatchedActors();
        _actor = null;
        _behavior = null;
    }
}
