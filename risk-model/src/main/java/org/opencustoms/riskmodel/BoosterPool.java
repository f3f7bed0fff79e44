package org.opencustoms.riskmodel;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Copies of one booster, one per core, each used by one thread at a time: XGBoost4J does not promise that concurrent
 * predictions on one Booster are safe, and one shared lock made every prediction (an exact SHAP explanation takes
 * milliseconds) wait for the others. Closing waits for the predictions in flight, then frees every copy.
 */
final class BoosterPool implements AutoCloseable {

    @FunctionalInterface
    interface Call<T> {
        T apply(Booster booster) throws XGBoostError;
    }

    private final BlockingQueue<Booster> idle;
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    private BoosterPool(List<Booster> boosters) {
        this.idle = new ArrayBlockingQueue<>(boosters.size(), false, boosters);
    }

    static BoosterPool load(byte[] model, int copies) throws XGBoostError, IOException {
        List<Booster> boosters = new ArrayList<>(copies);
        try {
            for (int i = 0; i < copies; i++) {
                boosters.add(XGBoost.loadModel(model));
            }
        } catch (XGBoostError | IOException | RuntimeException e) {
            boosters.forEach(Booster::dispose);
            throw e;
        }
        return new BoosterPool(boosters);
    }

    <T> T call(Call<T> call, String model) throws XGBoostError {
        open.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("risk model " + model + " is closed");
            }
            Booster booster = idle.take();
            try {
                return call.apply(booster);
            } finally {
                idle.add(booster);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for risk model " + model, e);
        } finally {
            open.readLock().unlock();
        }
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                idle.forEach(Booster::dispose);
                idle.clear();
            }
        } finally {
            open.writeLock().unlock();
        }
    }
}
