package io.cardflow.cli.commands;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.render.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "balance", description = "GET /api/v1/balance: your balance, which funds top-ups.")
public final class BalanceCommand implements Runnable {

    @ParentCommand
    private CardflowCli cli;

    @Override
    public void run() {
        cli.output().show(cli.client().balance().get(), Views::balance);
    }
}
