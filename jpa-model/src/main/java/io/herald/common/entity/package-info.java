/** What the entities of every product share. */
package io.herald.common.entity;
