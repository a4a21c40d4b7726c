package io.kycwhitelist.webhooks.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a webhook endpoint's host into its addresses (the system's DNS; tests put their own in its place and never connect out). */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
