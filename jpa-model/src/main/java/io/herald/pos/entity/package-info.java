/** Point-of-sale state: presence (who is connected to which channel and location, on which node). */
package io.herald.pos.entity;
